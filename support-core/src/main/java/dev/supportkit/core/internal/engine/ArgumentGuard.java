package dev.supportkit.core.internal.engine;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's services as callers get them: a call with a missing argument (an actor, a reference, an id, an
 * {@code Optional}, a draft, a list, …) fails with a {@link ValidationException} naming each missing parameter,
 * before any work starts, instead of a {@code NullPointerException} from deep inside. Only text parameters may
 * be null, where a service documents that they are optional; the service itself checks text.
 */
public final class ArgumentGuard implements InvocationHandler {
    /** Per method, the name of each parameter that must not be null (null where it may). */
    private static final Map<Method, String[]> GUARDED = new ConcurrentHashMap<>();

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

    private static String[] guardedNames(Method method) {
        Parameter[] parameters = method.getParameters();
        String[] names = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            names[i] = type.isPrimitive() || CharSequence.class.isAssignableFrom(type) ? null : parameters[i].getName();
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
        if (args != null) {
            String[] guarded = GUARDED.computeIfAbsent(method, ArgumentGuard::guardedNames);
            List<FieldError> missing = null;
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null && guarded[i] != null) {
                    missing = missing == null ? new ArrayList<>() : missing;
                    missing.add(new FieldError(guarded[i], "required", "must not be null"));
                }
            }
            if (missing != null) {
                throw new ValidationException(missing);
            }
        }
        try {
            return method.invoke(service, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
