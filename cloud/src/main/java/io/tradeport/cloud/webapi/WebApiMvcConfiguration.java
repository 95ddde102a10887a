package io.tradeport.cloud.webapi;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebApiMvcConfiguration implements WebMvcConfigurer {

	private final Callers callers;
	private final PlatformAccess access;
	private final OperationScopes scopes;

	WebApiMvcConfiguration(Callers callers, PlatformAccess access, OperationScopes scopes) {
		this.callers = callers;
		this.access = access;
		this.scopes = scopes;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CalledPlatformResolver(callers, access, scopes));
	}
}
