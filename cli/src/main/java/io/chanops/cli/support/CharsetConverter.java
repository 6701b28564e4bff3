package io.chanops.cli.support;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --charset UTF-8|GB18030|GBK|...}. */
public final class CharsetConverter implements ITypeConverter<Charset> {
    @Override
    public Charset convert(String value) {
        try {
            return Charset.forName(value);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new TypeConversionException("unknown charset '" + value + "' (try UTF-8, GB18030 or GBK)");
        }
    }
}
