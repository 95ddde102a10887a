package io.tradeport.cloud.identity;

import java.time.Clock;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import io.tradeport.cloud.audit.AuditLog;

/**
 * Two of the application's ordered filter chains: (1) the authorization server's protocol endpoints on
 * IdentityServer's paths, (3) the web pages with form sign-in, sessions and CSRF. Chain 2, the stateless API
 * chain for {@code /api/**} and {@code /hubs/**}, belongs to the WebAPI.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentitySecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/register", "/forgot-password", "/reset-password",
			"/error", "/css/**", "/webjars/**", "/favicon.ico", "/api-reference", "/api-reference/**", "/actuator/health", "/actuator/health/**", "/dev/mailbox", "/dev/mailbox/**" };

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, OAuth2AuthorizationService authorizations,
			TokenEndpointEvents tokenEvents, UserInfoClaims userInfo) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			// Also the protocol paths' other methods (GET /connect/token), so they get protocol errors, not the login page.
			http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), PathPatternRequestMatcher.pathPattern("/connect/**")));
			server.authorizationService(authorizations)
				.clientAuthentication(clients -> clients
					.authenticationProviders(providers -> providers.forEach(provider -> {
						if (provider instanceof ClientSecretAuthenticationProvider secrets) {
							secrets.setPasswordEncoder(ClientSecrets.INSTANCE);
						}
					}))
					.errorResponseHandler(tokenEvents::onClientAuthenticationFailure))
				.tokenEndpoint(token -> token
					.accessTokenRequestConverters(converters -> converters.replaceAll(converter ->
							converter instanceof OAuth2ClientCredentialsAuthenticationConverter
									? new RegisteredScopesByDefault(converter) : converter))
					.accessTokenResponseHandler(tokenEvents))
				.oidc(oidc -> oidc.userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo::map)));
		});
		http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(
						(request, response, failure) -> TokenEndpointEvents.writeError(response, new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT)),
						new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/connect/token"),
								PathPatternRequestMatcher.pathPattern("/connect/introspect"),
								PathPatternRequestMatcher.pathPattern("/connect/revocation")))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers()))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/** Browsers ask for HTML explicitly; a bare {@code Accept: *}{@code /*} is a program and gets a 401, not a login page. */
	private static RequestMatcher browsers() {
		var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		return html;
	}

	/**
	 * {@link PasswordSignIn} is the only {@code AuthenticationProvider} bean, so it becomes the global
	 * authentication manager. It is deliberately not also added to this chain: a chain-local provider that fails
	 * hands over to the global one, which would count every failed sign-in twice.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http, SignInSucceeded signInSucceeded)
			throws Exception {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
				CredentialsExpiredException.class.getName(), "/login?expired"));
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/invitations/*")
			.permitAll()
			.requestMatchers(PasswordChangeRequiredFilter.FORM)
			.hasAuthority(SignedInUser.PASSWORD_CHANGE_REQUIRED)
			.anyRequest()
			.hasAuthority(SignedInUser.FULLY_SIGNED_IN))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(signInSucceeded)
				.failureHandler(failures)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"))
				.frameOptions(frame -> frame.deny()))
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
		var builder = AuthorizationServerSettings.builder()
			.authorizationEndpoint("/connect/authorize")
			.tokenEndpoint("/connect/token")
			.tokenIntrospectionEndpoint("/connect/introspect")
			.tokenRevocationEndpoint("/connect/revocation")
			.oidcUserInfoEndpoint("/connect/userinfo")
			.oidcLogoutEndpoint("/connect/endsession")
			.jwkSetEndpoint("/.well-known/openid-configuration/jwks")
			.pushedAuthorizationRequestEndpoint("/connect/par")
			.deviceAuthorizationEndpoint("/connect/deviceauthorization")
			.deviceVerificationEndpoint("/connect/device")
			.oidcClientRegistrationEndpoint("/connect/register");
		if (settings.issuer() != null && !settings.issuer().isBlank()) {
			builder.issuer(settings.issuer());
		}
		return builder.build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbcOperations, JdbcClient jdbc,
			RegisteredClientRepository clients, AuditLog audit, Clock clock) {
		return new RotatingRefreshTokens(new JdbcOAuth2AuthorizationService(jdbcOperations, clients), jdbc, audit, clock);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		var encoder = new NimbusJwtEncoder(keys);
		encoder.setJwkSelector(keys::chooseSigningKey);
		return encoder;
	}

	/** Accepts RFC 9068 access tokens ({@code typ: at+jwt}), which Nimbus' default type check refuses. */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys) {
		var decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
					new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null)))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("JWT", "at+jwt")));
		return decoder;
	}

	/** Users' passwords: Argon2id with OWASP's parameters (19 MiB, 2 iterations); the prefix allows migration. */
	@Bean
	PasswordEncoder userPasswordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2)));
	}

	/** Lets RP-initiated logout find sessions on any node. */
	@Bean
	SpringSessionBackedSessionRegistry<? extends Session> sessionRegistry(
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}
}
