using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DisclosurePortal.Web.Features.OpenData;

/// <summary>One column of an export: its CSV header (Chinese, for people), its JSON key (for programs), its value.</summary>
public sealed record ExportColumn<T>(string Header, string Key, Func<T, object?> Value);

/// <summary>
/// Writes rows to a stream as they come from the database: nothing holds more than one row and a buffer, so an export
/// of a million records needs no more memory than one of ten. Callers pass <c>AsAsyncEnumerable()</c> queries.
/// </summary>
public static class TableExport
{
    private const int FlushBytes = 32 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// CSV as RFC 4180 (CRLF, quoted where needed, quotes doubled), UTF-8 with a byte-order mark so that Excel reads
    /// the Chinese. A cell starting with = + - @ (or tab, CR) gets a leading ' so a spreadsheet shows it as text
    /// instead of running it as a formula (OWASP: CSV injection).
    /// </summary>
    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, bufferSize: FlushBytes, leaveOpen: true);
        var line = new StringBuilder(512);
        line.Append('\uFEFF');
        AppendLine(line, columns.Select(c => c.Header));
        await writer.WriteAsync(line, ct);
        await writer.FlushAsync(ct); // the download starts at once, before the database has sent its first row
        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            AppendLine(line, columns.Select(c => Format(c.Value(row))));
            await writer.WriteAsync(line, ct); // StreamWriter passes its buffer on whenever it fills
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>JSON: an object with what was exported and when, and the rows as an array of objects keyed by <see cref="ExportColumn{T}.Key"/>.</summary>
    public static async Task WriteJsonAsync<T>(Stream output, IReadOnlyDictionary<string, string?> about, string arrayName,
        IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        foreach (var (key, value) in about) json.WriteString(key, value);
        json.WriteStartArray(arrayName);
        await json.FlushAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            foreach (var c in columns)
            {
                switch (c.Value(row))
                {
                    case null: json.WriteNull(c.Key); break;
                    case int n: json.WriteNumber(c.Key, n); break;
                    case var v: json.WriteString(c.Key, Format(v)); break;
                }
            }
            json.WriteEndObject();
            if (json.BytesPending >= FlushBytes) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>Dates as yyyy-MM-dd, instants as RFC 3339 in China time, everything else as invariant text.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => Infrastructure.ChinaTime.Rfc3339(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static void AppendLine(StringBuilder line, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) line.Append(',');
            first = false;
            AppendCell(line, cell);
        }
        line.Append("\r\n");
    }

    internal static void AppendCell(StringBuilder line, string cell)
    {
        var guarded = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(guarded);
            return;
        }
        line.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
