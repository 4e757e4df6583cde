using System.Text;
using System.Text.Json;
using CsvHelper;
using DisclosurePortal.Web.Features.OpenData;

namespace DisclosurePortal.Web.Tests.OpenData;

/// <summary>
/// The export writers on their own: CSV quoting and formula guarding (CsvHelper's: a guarded cell is quoted too, as OWASP
/// advises), and that rows leave as they come.
/// </summary>
public sealed class TableExportTests
{
    private static readonly ExportColumn<(int Id, string Text)>[] Columns =
    [
        new("编号", "id", r => r.Id),
        new("内容", "text", r => r.Text),
    ];

    [Theory]
    [InlineData("普通文本", "普通文本")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("回车\r\n换行", "\"回车\r\n换行\"")]
    [InlineData("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"")]
    [InlineData("+8613800000000", "\"'+8613800000000\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cell_IsQuotedPerRfc4180_AndAFormulaIsDisarmed(string value, string expected)
    {
        using var output = new MemoryStream();
        using var csv = CsvWriter.Create(output, TableExport.Csv with { WriteByteOrderMark = false }, leaveOpen: true);
        csv.WriteField(value);
        csv.Flush(); // the one field, the record not ended
        Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Csv_StartsWithABom_EndsEveryRecordWithCrlf_AndReadsBackToTheValues()
    {
        var rows = new[] { (1, "甲,乙"), (2, "引\"号"), (3, "多\n行"), (4, "=1+1") };
        using var output = new MemoryStream();
        await TableExport.WriteCsvAsync(output, Columns, rows.ToAsyncEnumerable(), CancellationToken.None);
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var parsed = Rfc4180.Parse(text);
        Assert.Equal(["编号", "内容"], parsed[0]);
        Assert.Equal(rows.Select(r => new[] { r.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Item2 == "=1+1" ? "'=1+1" : r.Item2 }), parsed.Skip(1));
    }

    [Fact]
    public async Task Json_IsOneObject_WithTheRowsUnderTheirKeys_NumbersAsNumbers()
    {
        using var output = new MemoryStream();
        await TableExport.WriteJsonAsync(output, new Dictionary<string, string?> { ["publisher"] = "测试", ["domain"] = null }, "rows",
            Columns, new[] { (7, "甲\"乙"), (8, "") }.ToAsyncEnumerable(), CancellationToken.None);
        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("测试", json.RootElement.GetProperty("publisher").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("domain").ValueKind);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([7, 8], rows.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(["甲\"乙", ""], rows.Select(r => r.GetProperty("text").GetString()));
        Assert.Contains("甲", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal); // Chinese as characters, not \u escapes
    }

    /// <summary>
    /// An export of any size holds one buffer, not the file: by the time the source has produced half of a 20 MB
    /// export, nearly all of that half has already gone out to the response.
    /// </summary>
    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Exports_WriteAsTheRowsCome_NotAfterReadingThemAll(string format)
    {
        const int count = 200_000;
        var output = new CountingStream();
        long writtenAtHalf = -1;
        async IAsyncEnumerable<(int, string)> Rows()
        {
            for (var i = 0; i < count; i++)
            {
                if (i == count / 2) writtenAtHalf = output.Written;
                yield return (i, "青川县人民政府办公室关于公开测试数据的通知，第" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "号");
            }
            await Task.CompletedTask;
        }

        if (format == "csv") await TableExport.WriteCsvAsync(output, Columns, Rows(), CancellationToken.None);
        else await TableExport.WriteJsonAsync(output, new Dictionary<string, string?>(), "rows", Columns, Rows(), CancellationToken.None);

        Assert.True(output.Written > 10_000_000, $"only {output.Written} bytes");
        // Half the rows are a little under half the bytes (later numbers are longer); a writer that kept the file
        // until the end would have sent nothing by then.
        Assert.InRange(writtenAtHalf, output.Written * 45 / 100, output.Written / 2);
    }

    /// <summary>A response body that keeps nothing: it counts what it was sent.</summary>
    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write: Kestrel refuses these");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Written += count;
            return Task.CompletedTask;
        }
    }
}
