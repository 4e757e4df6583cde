using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// Where a visitor goes back to after signing in or switching language or display: a local URL they gave us
/// (<c>returnUrl</c>), written so that it can go into a Location header.
/// </summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a page of this site (<see cref="IUrlHelper.IsLocalUrl"/>), percent-encoded
    /// for a Location header; otherwise <paramref name="fallback"/>.
    /// </summary>
    public static string LocalOr(this IUrlHelper url, string? returnUrl, string fallback) =>
        url.IsLocalUrl(returnUrl) ? ForLocation(returnUrl) : fallback;

    /// <summary>
    /// A URL as a browser sends it (an IRI made a URI, RFC 3987 §3.1): every character that may not appear in a URI
    /// (non-ASCII, space, <c>"&lt;&gt;\^`{|}</c>, controls) becomes UTF-8 percent-escapes; escapes already there are kept,
    /// so an encoded URL comes out unchanged. Nothing is moved, decoded or resolved (Uri would resolve <c>..</c> and
    /// turn <c>\</c> into <c>/</c>, which could make a local path into <c>//host</c>). Kestrel refuses a non-ASCII
    /// header value with a 500, so a Chinese <c>returnUrl</c> did (issue 15).
    /// </summary>
    public static string ForLocation(string url)
    {
        var encoded = new StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == '%' && i + 2 < url.Length && Uri.IsHexDigit(url[i + 1]) && Uri.IsHexDigit(url[i + 2]))
                encoded.Append(c); // an escape already: its two digits follow as URI characters
            else if (IsUriCharacter(c))
                encoded.Append(c);
            else
            {
                // A lone surrogate cannot come from a decoded query string or form; should one come anyway it is U+FFFD.
                var rune = Rune.TryGetRuneAt(url, i, out var r) ? r : Rune.ReplacementChar;
                if (rune.Utf16SequenceLength == 2) i++;
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>RFC 3986's unreserved and reserved characters ('%' only as the start of an escape, above).</summary>
    private static bool IsUriCharacter(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '_' or '~'
            or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
