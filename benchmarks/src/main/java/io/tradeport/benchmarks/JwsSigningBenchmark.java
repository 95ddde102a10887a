package io.tradeport.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The ceiling for the token endpoint: signing an access token shaped like Tradeport's client-credentials tokens
 * (RS256, 2048-bit key, same claims and header) with the same encoder the server uses, nothing else.
 */
@State(Scope.Benchmark)
public class JwsSigningBenchmark {

	private NimbusJwtEncoder encoder;
	private JwtEncoderParameters parameters;

	@Setup
	public void generateKey() throws Exception {
		var key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.keyID(UUID.randomUUID().toString().replace("-", ""))
			.generate();
		encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		var now = Instant.now();
		var claims = JwtClaimsSet.builder()
			.issuer("http://127.0.0.1:18080")
			.subject("tp-abcdefghijkmnpqrstu")
			.audience(List.of("tp-abcdefghijkmnpqrstu"))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(3600))
			.id(UUID.randomUUID().toString())
			.claim("scope", List.of("webapi"))
			.claim("client_id", "tp-abcdefghijkmnpqrstu")
			.claim("org_id", UUID.randomUUID().toString())
			.build();
		parameters = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(), claims);
	}

	@Benchmark
	public Jwt sign() {
		return encoder.encode(parameters);
	}
}
