package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.RedisInputStream;

/**
 * The RESP3 types a server sends less readily (big numbers, verbatim text, blob errors, attributes,
 * pushes), read from their wire bytes and rendered; and console input split into commands.
 */
class ReplyLinesTest {

    private static RespReply read(String wire) {
        return RespConnection.read(new RedisInputStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyResp3TypeReadsFromTheWireAndRendersWithItsMark() {
        assertEquals("(big number) 3492890328409238509324850943850943825024385",
                ReplyLines.text(read("(3492890328409238509324850943850943825024385\r\n")));
        assertEquals("# Server\nredis_version:7.2.0", ReplyLines.text(read("=33\r\ntxt:# Server\r\nredis_version:7.2.0\r\n")));
        assertEquals("(error) SYNTAX invalid", ReplyLines.text(read("!14\r\nSYNTAX invalid\r\n")));
        assertEquals("(integer) 7", ReplyLines.text(read("|1\r\n+ttl\r\n:3\r\n:7\r\n")), "an attribute only annotates");
        assertEquals("1) \"message\"\n2) \"ch\"", ReplyLines.text(read(">2\r\n$7\r\nmessage\r\n$2\r\nch\r\n")));
        assertEquals("(false)", ReplyLines.text(read("#f\r\n")));
        assertEquals("(nil)", ReplyLines.text(read("_\r\n")));
        assertEquals("(nil)", ReplyLines.text(read("$-1\r\n")));
        assertEquals("(double) inf", ReplyLines.text(read(",inf\r\n")).toLowerCase(java.util.Locale.ROOT)
                .replace("infinity", "inf"));
        assertEquals("1# \"k\" => 1) (integer) 1\n          2) %s".formatted("\"\\x00\""),
                ReplyLines.text(read("%1\r\n$1\r\nk\r\n*2\r\n:1\r\n$1\r\n\0\r\n")), "a map's value nested");
        List<ReplyLines.Line> error = ReplyLines.of(read("-WRONGTYPE no\r\n"));
        assertEquals(ReplyLines.Kind.ERROR, error.get(0).kind(), "errors are styled as errors");
    }

    @Test
    void inputSplitsIntoCommandsAtLineEndsOutsideQuotes() {
        List<CommandLineParser.Command> commands = CommandLineParser.parse("SET a \"x\\ny\"\n\n  GET 'it\\'s'\nSET b \"two\nlines\"");
        assertEquals(3, commands.size());
        assertEquals(List.of("SET", "a", "x\ny"), commands.get(0).words());
        assertEquals(3, commands.get(1).line());
        assertEquals("two\nlines", commands.get(2).words().get(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLineParser.parse("GET a\nSET \"open"));
        assertEquals("Unclosed double quote at line 2, column 5", e.getMessage());
    }
}
