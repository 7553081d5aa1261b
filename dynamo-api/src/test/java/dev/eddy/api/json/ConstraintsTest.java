package dev.eddy.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    @Test
    void nameCharactersAreExactlyAwssPattern() {
        Pattern aws = Pattern.compile("[a-zA-Z0-9_.-]+");
        String alphabet = "aZz09_.-AM/ :é\u0000\uD83D\uDE00+";
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(0, 6);
            for (int j = 0; j < length; j++) name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = name.toString();
            assertEquals(aws.matcher(s).matches(), Constraints.isName(s), s);
        }
    }
}
