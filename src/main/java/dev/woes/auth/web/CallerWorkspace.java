package dev.woes.auth.web;

import dev.woes.auth.Caller;
import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the caller's {@link WorkspaceId} and, for the event log, the
 * {@link Actor} the key stands for. The workspace comes only from the authenticated key,
 * never from a path or a body.
 */
class CallerWorkspace implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == WorkspaceId.class || parameter.getParameterType() == Actor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (caller == null) {
			throw new IllegalStateException("No authenticated caller for " + parameter.getMethod());
		}
		if (parameter.getParameterType() == Actor.class) {
			return Actor.apiKey(caller.key().id().value());
		}
		return caller.workspace();
	}

}
