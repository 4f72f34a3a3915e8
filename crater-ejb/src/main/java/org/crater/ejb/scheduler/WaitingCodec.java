package org.crater.ejb.scheduler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a pass's waiting jobs, as the leader publishes them for the other replicas: a
 * version, the count, then per job its id, position, reason code, details and message; gzipped (the
 * reasons repeat, so 20,000 jobs take some 100 KB).
 */
final class WaitingCodec {

  private static final int VERSION = 1;

  private WaitingCodec() {}

  static byte[] encode(Map<Long, Waiting> waiting) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(VERSION);
      out.writeInt(waiting.size());
      for (Map.Entry<Long, Waiting> entry : waiting.entrySet()) {
        WaitReason reason = entry.getValue().reason();
        out.writeLong(entry.getKey());
        out.writeInt(entry.getValue().position());
        out.writeUTF(reason.code());
        out.writeInt(reason.details().size());
        for (Map.Entry<String, String> detail : reason.details().entrySet()) {
          out.writeUTF(detail.getKey());
          out.writeUTF(detail.getValue());
        }
        out.writeUTF(reason.message());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The jobs of {@code bytes}; empty for no bytes (nothing published yet). */
  static Map<Long, Waiting> decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Map.of();
    }
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
      if (in.readInt() != VERSION) {
        return Map.of(); // written by another version: the next publication replaces it
      }
      int count = in.readInt();
      Map<Long, Waiting> waiting = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        long id = in.readLong();
        int position = in.readInt();
        String code = in.readUTF();
        int details = in.readInt();
        Map<String, String> values = new LinkedHashMap<>();
        for (int d = 0; d < details; d++) {
          values.put(in.readUTF(), in.readUTF());
        }
        waiting.put(id, new Waiting(new WaitReason(code, values, in.readUTF()), position));
      }
      return waiting;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
