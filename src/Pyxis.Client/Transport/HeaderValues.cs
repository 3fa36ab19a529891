using System.Globalization;

namespace Pyxis.Client.Transport;

/// <summary>
/// What may go into an HTTP header the client sends, and what may come out of one the server sent into a message.
/// A value with CR or LF would start a header of its own on the wire; one with other control or non-ASCII characters
/// is refused by the handler only once the request is sent (and retried), so both are refused when options are validated.
/// </summary>
internal static class HeaderValues
{
    /// <summary>The most characters of a server header value (trace id, reason phrase, redirect target) put into a message.</summary>
    public const int MaxChars = 200;

    /// <summary>A message naming the option and what is wrong with its value (never the value: it may be a key), or null.</summary>
    public static string? Problem(string option, string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var what = value[i] switch
            {
                '\r' => "a carriage return (CR)",
                '\n' => "a line feed (LF)",
                '\0' => "a NUL character",
                '\t' => null,
                < ' ' or '\u007f' => $"the control character U+{(int)value[i]:X4}",
                > '\u007f' => "a non-ASCII character",
                _ => null,
            };
            if (what is not null)
            {
                return $"PyxisClientOptions.{option} contains {what} at position {i}; it is sent as an HTTP header, which takes printable ASCII only (the value is not shown).";
            }
        }

        return null;
    }

    /// <summary>
    /// A header value the server sent, fit for a message or a log line: control characters escaped (<c>\u001B</c>), so
    /// no escape sequence, bell or line break reaches a terminal or a log, and cut to <see cref="MaxChars"/>.
    /// </summary>
    public static string? Sanitize(string? value)
    {
        if (value is null || (value.Length <= MaxChars && !HasControl(value)))
        {
            return value;
        }

        var text = new System.Text.StringBuilder(MaxChars + 32);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxChars)))
        {
            _ = char.IsControl(c) ? text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)) : text.Append(c);
        }

        return value.Length > MaxChars ? text.Append($"… ({value.Length - MaxChars} more characters)").ToString() : text.ToString();
    }

    /// <summary><paramref name="uri"/> without its user information (<c>user:password@</c>), for messages and <c>ToString</c>.</summary>
    public static string Printable(Uri? uri) =>
        uri switch
        {
            null => "(none)",
            { IsAbsoluteUri: true } => uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped),
            _ when uri.OriginalString.Contains('@', StringComparison.Ordinal) => "(a relative URI)",
            _ => uri.OriginalString,
        };

    private static bool HasControl(string value) =>
        value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f');
}
