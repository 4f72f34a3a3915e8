package org.crater.web.common;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.web.common.RequestHead.Refusal;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * Stands in front of the servlet container's HTTP handler and answers the requests it cannot decode
 * ({@link RequestHead}) with a problem document; every other request goes on unchanged. Takes the
 * container handler's settings, so that the request the container sees is prepared as before.
 */
final class RequestGuard extends HttpHandler {

  private static final Logger LOG = Logger.getLogger(RequestGuard.class.getName());

  private final HttpHandler container;
  private final int maxHeaderBytes;

  RequestGuard(HttpHandler container, int maxHeaderBytes) {
    super(container.getName());
    this.container = container;
    this.maxHeaderBytes = maxHeaderBytes;
    setAllowEncodedSlash(container.isAllowEncodedSlash());
    setRequestURIEncoding(container.getRequestURIEncoding());
    setAllowCustomStatusMessage(container.isAllowCustomStatusMessage());
  }

  @Override
  public RequestExecutorProvider getRequestExecutorProvider() {
    return container.getRequestExecutorProvider();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    HttpRequestPacket packet = request.getRequest();
    RequestHead head =
        new RequestHead(
            packet.getMethod().getMethodString(),
            packet.getRequestURIRef().getURI(),
            packet.getQueryString(),
            headerBytes(packet.getHeaders()));
    Optional<Refusal> refusal = head.refusal(maxHeaderBytes);
    if (refusal.isPresent()) {
      refuse(response, refusal.get());
    } else {
      container.service(request, response);
    }
  }

  private static int headerBytes(MimeHeaders headers) {
    int bytes = 0;
    for (int i = 0; i < headers.size(); i++) {
      bytes += headers.getName(i).getLength() + headers.getValue(i).getLength();
    }
    return bytes;
  }

  private static void refuse(Response response, Refusal refusal) throws Exception {
    LOG.log(Level.FINE, "refused a request: {0}", refusal.detail());
    Problem problem = ProblemResponses.unrouted(refusal.status(), refusal.code(), refusal.detail());
    byte[] body = JsonProvider.MAPPER.writeValueAsBytes(problem);
    response.setStatus(refusal.status(), StatusPhrases.of(refusal.status()));
    response.setContentType(ProblemResponses.PROBLEM_JSON);
    response.setContentLength(body.length);
    // Whatever body such a request carries is never read: the connection ends with the answer.
    response.setHeader("Connection", "close");
    response.getOutputStream().write(body);
  }
}
