package dev.supportkit.core.internal.engine;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Identifier;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalQuery;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.internal.request.FieldErrors;
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
 *   <li>a null actor, request reference, request id or {@code Optional} is refused before any work starts, and
 *   so is an actor whose id or display name breaks the character policy or is too long ({@code actor.id},
 *   {@code actor.displayName});</li>
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
    /** Each method's parameter rules, worked out on its first call. */
    private static final Map<Method, Parameters> PARAMETERS = new ConcurrentHashMap<>();

    private final Object service;
    private final CustomerView view;

    private ArgumentGuard(Object service, CustomerView view) {
        this.service = service;
        this.view = view;
    }

    /**
     * Wraps a service.
     *
     * @param type    the service interface
     * @param service the implementation
     * @param view    what a customer representative may see of a result
     * @param <T>     the service type
     * @return the service, refusing missing arguments
     */
    public static <T> T wrap(Class<T> type, T service, CustomerView view) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ArgumentGuard(service, view)));
    }

    /**
     * A method's parameters as the guard needs them.
     *
     * @param names      each parameter's name; null for a primitive, which cannot be null
     * @param checkFirst whether a null in that place is refused before the call
     */
    private record Parameters(String[] names, boolean[] checkFirst) {
        static Parameters of(Method method) {
            Parameter[] parameters = method.getParameters();
            String[] names = new String[parameters.length];
            boolean[] checkFirst = new boolean[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                Class<?> type = parameters[i].getType();
                names[i] = type.isPrimitive() ? null : parameters[i].getName();
                checkFirst[i] = CHECKED_FIRST.contains(type);
            }
            return new Parameters(names, checkFirst);
        }

        /** The null arguments: only those checked first, or every one. */
        List<FieldError> missing(Object[] args, boolean firstOnly) {
            List<FieldError> missing = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (args[i] == null && names[i] != null && (!firstOnly || checkFirst[i])) {
                    missing.add(new FieldError(names[i], "required", "must not be null"));
                }
            }
            return missing;
        }
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
        Parameters parameters = args == null ? null : PARAMETERS.computeIfAbsent(method, Parameters::of);
        List<FieldError> first = parameters == null ? List.of() : parameters.missing(args, true);
        if (!first.isEmpty()) {
            throw new ValidationException(first);
        }
        checkActor(actor(args));
        checkIdentifiers(parameters, args);
        try {
            return view.of(actor(args), method.invoke(service, args));
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            List<FieldError> missing = parameters != null && causedByNull(failure) ? parameters.missing(args, false)
                    : List.of();
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            throw failure;
        }
    }

    /** The longest actor id: the length every id column keeps. */
    static final int ACTOR_ID_MAX = 64;
    /** The longest display name: one line, as the journal shows it. */
    static final int DISPLAY_NAME_MAX = 200;

    /**
     * The embedding application builds actors and SupportKit trusts who they are, but what they say goes
     * into the journal and messages: the id and the display name follow the character policy (one line, no
     * control or invisible characters) and fit the columns that keep them.
     */
    private static void checkActor(Actor actor) {
        if (actor == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        errors.requiredText("actor.id", actor.id(), ACTOR_ID_MAX);
        errors.maxLength("actor.displayName", actor.displayName(), DISPLAY_NAME_MAX);
        errors.throwIfAny();
    }

    /**
     * An id the caller passes (a request's, an article's, a specialist's) is looked up in storage as given: it
     * follows the single-line character policy, so a NUL or a lone surrogate is the caller's error, named after
     * the parameter, and never a store's failure or a store-dependent answer.
     */
    private static void checkIdentifiers(Parameters parameters, Object[] args) {
        if (parameters == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof RequestRef ref ? ref.id() : args[i];
            if (arg instanceof Identifier id && parameters.names()[i] != null) {
                errors.characters(parameters.names()[i], id.value(), true);
            } else if (arg instanceof JournalQuery query && query.actorId() != null) {
                // the journal's search hands the actor id to storage as given
                String field = parameters.names()[i] + ".actorId";
                query.actorId().ifPresent(actorId -> errors.maxLength(field, actorId, ACTOR_ID_MAX));
            }
        }
        errors.throwIfAny();
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
