package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A registered request's text is stored once, in its first contact: the request row's document does not
 * repeat it, through the whole life of the request, and every read gives it back.
 */
class TextStoredOnceTest {
    private TestDatabase.Fresh database;
    private EngineFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        if (database != null) {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("the customer's text is kept in the contact alone, and read back with the request")
    void textIsStoredOnce(TestDatabase server) throws SQLException {
        database = server.create();
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        fx = new EngineFixture(settings);
        String text = "Since 9:00 no incoming calls reach the office; the trunk LED blinks red, «срочно».";
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE, fx.draft().text(text));

        try (Connection sql = server.connect(database.url()); PreparedStatement row = sql.prepareStatement(
                "SELECT document, first_contact FROM sk_requests WHERE tenant = ? AND id = ?")) {
            row.setString(1, closed.tenant().value());
            row.setString(2, closed.id().value());
            try (ResultSet rows = row.executeQuery()) {
                assertTrue(rows.next());
                assertFalse(rows.getString("document").contains("trunk LED"), rows.getString("document"));
                assertEquals(fx.engine.intake().contacts(fx.operator, closed.id()).get(0).id().value(),
                        rows.getString("first_contact"));
            }
        }
        assertEquals(text, fx.engine.quality().request(fx.auditor, closed.id()).description());
        assertEquals(text, fx.engine.quality().requests(fx.auditor, RequestQuery.all()).get(0).description());
    }
}
