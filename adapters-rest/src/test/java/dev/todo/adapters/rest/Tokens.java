package dev.todo.adapters.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;

/** Test tokens: signed with a key the service never sees (it does not check signatures). */
final class Tokens {

  private static final byte[] KEY = "a-test-key-that-is-long-enough-for-hs256!".getBytes();

  private Tokens() {}

  static String bearer(String subject, String... roles) {
    return "Bearer " + signed(subject, Map.of("roles", List.of(roles)));
  }

  static String signed(String subject, Map<String, Object> claims) {
    var builder = new JWTClaimsSet.Builder();
    if (subject != null) {
      builder.subject(subject);
    }
    claims.forEach(builder::claim);
    try {
      var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
      jwt.sign(new MACSigner(KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsecured(String subject) {
    return new PlainJWT(new JWTClaimsSet.Builder().subject(subject).build()).serialize();
  }
}
