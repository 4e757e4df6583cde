using System.Globalization;
using System.Text.Json;
using CsvHelper;
using DisclosurePortal.Web.Infrastructure;

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

    /// <summary>
    /// CSV by CsvHelper: RFC 4180 (CRLF, quoted where needed, quotes doubled), UTF-8 with a byte-order mark so that
    /// Excel reads the Chinese. A cell starting with = + - @ (or tab, CR) gets a leading ' and quotes, so a spreadsheet
    /// shows it as text instead of running it as a formula (OWASP: CSV injection).
    /// </summary>
    internal static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        BufferSize = FlushBytes,
    };

    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        csv.WriteHeader([.. columns.Select(c => c.Header)]);
        await csv.FlushAsync(ct); // the download starts at once, before the database has sent its first row
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var c in columns) csv.WriteField(Format(c.Value(row)));
            await csv.EndRecordAsync(ct); // passes its buffer on whenever it is mostly full
        }
        await csv.FlushAsync(ct);
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
        DateOnly d => d.Iso(),
        DateTimeOffset t => ChinaTime.Rfc3339(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
