package dev.supportkit.spi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SPI's order of ids: by code point, where UTF-16 order differs. */
class CodePointOrderTest {

    @Test
    @DisplayName("a supplementary character sorts after U+E000..U+FFFF, unlike String.compareTo")
    void supplementaryAfterPrivateUse() {
        String supplementary = "a\uD83D\uDE00"; // U+1F600
        String privateUse = "a\uE000";
        assertTrue(supplementary.compareTo(privateUse) < 0, "UTF-16 order puts the surrogate pair first");
        assertTrue(CodePointOrder.compare(supplementary, privateUse) > 0);
        assertTrue(CodePointOrder.compare(privateUse, supplementary) < 0);
    }

    @Test
    @DisplayName("equal text compares equal, and a prefix comes first")
    void prefixAndEquality() {
        assertEquals(0, CodePointOrder.compare("abc", "abc"));
        assertTrue(CodePointOrder.compare("ab", "abc") < 0);
        List<String> ids = new ArrayList<>(List.of("b", "a\uD83D\uDE00", "a", "a\uE000"));
        ids.sort(CodePointOrder.COMPARATOR);
        assertEquals(List.of("a", "a\uE000", "a\uD83D\uDE00", "b"), ids);
    }
}
