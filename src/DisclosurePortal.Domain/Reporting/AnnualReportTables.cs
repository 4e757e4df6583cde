using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Reporting;

/// <summary>
/// Every number of an annual report (Tables 二, 三, 四 and the fees of section 六) in one value: computed live for a
/// draft, and stored as JSON when the report is published so that later changes to cases or records do not rewrite it.
/// </summary>
public sealed record AnnualReportTables
{
    public int Year { get; init; }

    /// <summary>Table 三: one array per <see cref="ApplicationTable.Rows"/> row, the applicant kinds in order, then 总计.</summary>
    public int[][] Applications { get; init; } = [];

    public DocumentCounts Regulations { get; init; } = new(0, 0, 0);
    public DocumentCounts NormativeDocuments { get; init; } = new(0, 0, 0);
    public ManualFigures Figures { get; init; } = new();

    /// <summary>Information processing fees (信息处理费, 国办函〔2020〕109号) paid in the year, in yuan.</summary>
    public decimal ProcessingFeesYuan { get; init; }

    /// <summary>Where Table 三 breaks 一+二=三（七）+四; empty when consistent.</summary>
    public IReadOnlyList<string> Inconsistencies { get; init; } = [];

    public int Cell(ApplicationTableRow row, int column) => Applications[(int)row - 1][column];

    /// <summary>A row's 总计 (the last column).</summary>
    public int Total(ApplicationTableRow row) => Applications[(int)row - 1][^1];

    public static AnnualReportTables Compute(int year, IEnumerable<CaseFacts> cases, IEnumerable<DocumentFacts> documents, ManualFigures figures, decimal processingFeesYuan)
    {
        var table = ApplicationTable.Compute(year, cases);
        var docs = documents.ToList();
        return new AnnualReportTables
        {
            Year = year,
            Applications = [.. ApplicationTable.Rows.Select(r => (int[])[.. ApplicationTable.Columns.Select(c => table[r, c]), table.Total(r)])],
            Regulations = NormativeDocumentTable.Compute(year, RecordKind.Regulation, docs),
            NormativeDocuments = NormativeDocumentTable.Compute(year, RecordKind.NormativeDocument, docs),
            Figures = figures,
            ProcessingFeesYuan = processingFeesYuan,
            Inconsistencies = table.Inconsistencies(),
        };
    }
}
