package dev.supportkit.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.api.Actor;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.testing.EngineFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of every service, called with missing (null) arguments, answers with a
 * {@link SupportException}: a missing actor, reference, request id or {@code Optional} is a
 * {@link ValidationException} naming exactly those parameters; with those given, the other arguments left
 * null give a {@code SupportException} for every role (a validation error, a refusal, a conflict), never a
 * NullPointerException or a provider's failure.
 */
class NullArgumentsTest {
    private static final Set<Class<?>> CHECKED_FIRST = Set.of(Actor.class, RequestRef.class, RequestId.class,
            Optional.class);
    private static EngineFixture fx;
    private static Request request;

    @BeforeAll
    static void start() {
        fx = new EngineFixture();
        request = fx.registered();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static List<Method[]> serviceMethods() {
        List<Method[]> methods = new ArrayList<>();
        for (Method accessor : SupportServices.class.getMethods()) {
            if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())) {
                continue;
            }
            for (Method method : accessor.getReturnType().getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() > 0) {
                    methods.add(new Method[] {accessor, method});
                }
            }
        }
        return methods;
    }

    /** A survey's answer token stands for the actor: it is checked first too. */
    private static boolean isToken(Parameter parameter) {
        return parameter.getType() == String.class && parameter.getName().equals("token");
    }

    private static String name(Method[] m) {
        return m[1].getDeclaringClass().getSimpleName() + "." + m[1].getName()
                + Arrays.toString(m[1].getParameterTypes());
    }

    private static Object call(Method[] m, Object[] args) throws Throwable {
        try {
            return m[1].invoke(m[0].invoke(fx.engine), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @TestFactory
    Stream<DynamicTest> aMissingActorOrReferenceIsNamed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method[] m : serviceMethods()) {
            List<String> first = Arrays.stream(m[1].getParameters())
                    .filter(p -> CHECKED_FIRST.contains(p.getType()) || isToken(p)).map(Parameter::getName).toList();
            tests.add(DynamicTest.dynamicTest(name(m), () -> {
                Object[] args = Arrays.stream(m[1].getParameterTypes()).map(NullArgumentsTest::zero).toArray();
                ValidationException e = assertThrows(ValidationException.class, () -> call(m, args));
                assertEquals(first, e.errors().stream().map(FieldError::field).toList());
                assertTrue(e.errors().stream().allMatch(err -> err.rule().equals("required")), e.toString());
            }));
        }
        assertTrue(tests.size() > 60, "every service method is covered: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> otherMissingArgumentsGiveSupportExceptionsForEveryRole() {
        List<Actor> actors = List.of(fx.admin, fx.operator, fx.intakeLead, fx.engineer, fx.groupLead, fx.auditor,
                fx.customer);
        List<DynamicTest> tests = new ArrayList<>();
        for (Method[] m : serviceMethods()) {
            tests.add(DynamicTest.dynamicTest(name(m), () -> {
                for (Actor actor : actors) {
                    Class<?>[] types = m[1].getParameterTypes();
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        args[i] = types[i] == Actor.class ? actor : types[i] == RequestRef.class ? request.ref()
                                : types[i] == RequestId.class ? request.id()
                                : types[i] == Optional.class ? Optional.empty() : zero(types[i]);
                    }
                    try {
                        call(m, args);
                    } catch (SupportException expected) {
                        // refused, invalid, not found or in conflict: all promised answers
                    } catch (Throwable other) {
                        fail(name(m) + " as " + actor.role() + " threw " + other, other);
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
