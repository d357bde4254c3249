package dev.supportkit.core.internal.engine;

import dev.supportkit.api.Actor;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.internal.security.CustomerView;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's services as callers get them, answering a missing (null) argument with a
 * {@link ValidationException} naming the parameter (rule {@code required}), never with a
 * {@code NullPointerException} or a provider's failure:
 * <ul>
 *   <li>a null actor, request reference, request id or {@code Optional} is refused before any work starts;</li>
 *   <li>any other argument (a draft, a plan, an id) is left to the service, which names the fields it checks
 *   (e.g. {@code redirect.target}) together with every other problem of the input; should a null one still
 *   reach code that cannot take it, the failure is turned into the same {@code ValidationException}.</li>
 * </ul>
 * Only text parameters may be null, where a service documents them as optional. What a call returns to a
 * customer representative passes through {@link CustomerView}, which removes the internal parts.
 */
public final class ArgumentGuard implements InvocationHandler {
    /** Argument types no service checks itself: refused up front. */
    private static final Set<Class<?>> CHECKED_FIRST = Set.of(Actor.class, RequestRef.class, RequestId.class,
            Optional.class);
    /** Per method: for each parameter, its name (null for a primitive, which cannot be null). */
    private static final Map<Method, String[]> NON_NULL = new ConcurrentHashMap<>();

    private final Object service;

    private ArgumentGuard(Object service) {
        this.service = service;
    }

    /**
     * Wraps a service.
     *
     * @param type    the service interface
     * @param service the implementation
     * @param <T>     the service type
     * @return the service, refusing missing arguments
     */
    public static <T> T wrap(Class<T> type, T service) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ArgumentGuard(service)));
    }

    private static String[] nonNullNames(Method method) {
        Parameter[] parameters = method.getParameters();
        String[] names = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            names[i] = type.isPrimitive() ? null : parameters[i].getName();
        }
        return names;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Guarded[" + service + "]";
            };
        }
        String[] names = args == null ? new String[0] : NON_NULL.computeIfAbsent(method, ArgumentGuard::nonNullNames);
        List<FieldError> first = missing(method, args, names, true);
        if (!first.isEmpty()) {
            throw new ValidationException(first);
        }
        try {
            return CustomerView.of(actor(args), method.invoke(service, args));
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            List<FieldError> missing = causedByNull(failure) ? missing(method, args, names, false) : List.of();
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            throw failure;
        }
    }

    /** The null arguments: only those of the types checked first, or every one. */
    private static List<FieldError> missing(Method method, Object[] args, String[] names, boolean firstOnly) {
        List<FieldError> missing = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < names.length; i++) {
            if (args[i] == null && names[i] != null && (!firstOnly || CHECKED_FIRST.contains(types[i]))) {
                missing.add(new FieldError(names[i], "required", "must not be null"));
            }
        }
        return missing;
    }

    /** The actor a call is made as: its first {@code Actor} argument, if any. */
    private static Actor actor(Object[] args) {
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof Actor actor) {
                    return actor;
                }
            }
        }
        return null;
    }

    /** A NullPointerException, also one a storage provider's guard wrapped. */
    private static boolean causedByNull(Throwable failure) {
        if (failure instanceof NullPointerException) {
            return true;
        }
        return failure instanceof ProviderException && failure.getCause() instanceof NullPointerException;
    }
}
