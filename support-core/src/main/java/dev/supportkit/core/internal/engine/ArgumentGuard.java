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

/**
 * The engine's services as callers get them: a call with a missing argument (an actor, a reference, an id, an
 * {@code Optional}, a draft, a list, …) fails with a {@link ValidationException} naming each missing parameter,
 * before any work starts, instead of a {@code NullPointerException} from deep inside. Only text parameters may
 * be null, where a service documents that they are optional; the service itself checks text.
 */
public final class ArgumentGuard implements InvocationHandler {
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
            List<FieldError> missing = new ArrayList<>();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < args.length; i++) {
                Class<?> type = parameters[i].getType();
                if (args[i] == null && !type.isPrimitive() && !CharSequence.class.isAssignableFrom(type)) {
                    missing.add(new FieldError(parameters[i].getName(), "required", "must not be null"));
                }
            }
            if (!missing.isEmpty()) {
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
