package dev.supportkit.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.SupportServices;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.core.testing.EngineFixture;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of every service, called with null in each non-text parameter, fails with a
 * {@link ValidationException} that names exactly those parameters (rule {@code required}): never a
 * NullPointerException, never a provider's failure.
 */
class NullArgumentsTest {
    private static EngineFixture fx;

    @BeforeAll
    static void start() {
        fx = new EngineFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @TestFactory
    Stream<DynamicTest> everyServiceRefusesNullArguments() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method accessor : SupportServices.class.getMethods()) {
            if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())) {
                continue;
            }
            Class<?> serviceType = accessor.getReturnType();
            for (Method method : serviceType.getMethods()) {
                List<String> guarded = Arrays.stream(method.getParameters())
                        .filter(p -> !p.getType().isPrimitive() && !CharSequence.class.isAssignableFrom(p.getType()))
                        .map(Parameter::getName).toList();
                if (guarded.isEmpty() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(serviceType.getSimpleName() + "." + method.getName()
                        + Arrays.toString(method.getParameterTypes()), () -> {
                    Object service = accessor.invoke(fx.engine);
                    Object[] args = Arrays.stream(method.getParameterTypes()).map(NullArgumentsTest::zero).toArray();
                    ValidationException e = assertThrows(ValidationException.class, () -> {
                        try {
                            method.invoke(service, args);
                        } catch (java.lang.reflect.InvocationTargetException ite) {
                            throw ite.getCause();
                        }
                    });
                    assertEquals(guarded, e.errors().stream().map(FieldError::field).toList());
                    assertTrue(e.errors().stream().allMatch(err -> err.rule().equals("required")), e.toString());
                }));
            }
        }
        assertTrue(tests.size() > 50, "every service method is covered: " + tests.size());
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
