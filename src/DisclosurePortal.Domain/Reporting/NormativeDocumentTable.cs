using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Reporting;

/// <summary>What Table 二（第二十条第（一）项）needs to know of one published record version.</summary>
public sealed record DocumentFacts(RecordKind Kind, DateOnly? WrittenOn, DateOnly? PublishedOn, Validity Validity);

/// <summary>One row of Table 二（一）: 本年制发件数, 本年废止件数, 现行有效件数.</summary>
public sealed record DocumentCounts(int Issued, int Repealed, int InForce);

/// <summary>
/// Table 二 rows 规章 and 行政规范性文件 (条例 Art. 20 (1)) from the published records (ADR 0012): 本年制发 = written
/// (成文日期) in the year; 本年废止 = marked 废止 by a version published in the year; 现行有效 = marked 有效 now and
/// written by the end of the year. 失效 documents are neither repealed nor in force.
/// </summary>
public static class NormativeDocumentTable
{
    public static DocumentCounts Compute(int year, RecordKind kind, IEnumerable<DocumentFacts> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var mine = documents.Where(d => d.Kind == kind).ToList();
        var last = new DateOnly(year, 12, 31);
        return new DocumentCounts(
            mine.Count(d => d.WrittenOn?.Year == year),
            mine.Count(d => d.Validity == Validity.Repealed && d.PublishedOn?.Year == year),
            mine.Count(d => d.Validity == Validity.Valid && d.WrittenOn <= last));
    }
}
