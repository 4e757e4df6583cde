using DisclosurePortal.Data.Search;
using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// 分类统计 (issue 22): how many matches fall under each value of the search's filters — domain, stage, department,
/// kind (a record kind, 公开事项, 网上信箱, 民意征集 or 办事指南), year of publication and validity — under the filters already chosen. Counted over
/// every match (<see cref="Whole"/>) when there are at most <see cref="SearchSettings.FacetedResults"/> of them, or when
/// the listed ones are all; otherwise over the listed ones, the newest (docs/adr/0042).
/// </summary>
public sealed class SearchFacets
{
    /// <summary>An entry's filter values, as the search reads them.</summary>
    public interface IEntry
    {
        int Kind { get; }
        int DomainId { get; }
        int StageId { get; }
        int DepartmentId { get; }
        int? RecordKind { get; }
        int? Validity { get; }
        int? Year { get; }
    }

    private SearchFacets(Counter counter, bool whole)
    {
        Whole = whole;
        Counted = counter.Counted;
        Domains = counter.Domains;
        Stages = counter.Stages;
        Departments = counter.Departments;
        RecordKinds = counter.RecordKinds;
        EntryKinds = counter.EntryKinds;
        Years = counter.Years;
        Validities = counter.Validities;
    }

    public static SearchFacets Empty { get; } = new(new Counter(), whole: true);

    /// <summary>The counts are over every match (else over the <see cref="Counted"/> newest, the ones listed).</summary>
    public bool Whole { get; }

    /// <summary>How many matches were counted.</summary>
    public int Counted { get; }

    /// <summary>By domain id (a record filed in a column only, under domain 0, is not counted here).</summary>
    public IReadOnlyDictionary<int, int> Domains { get; }

    public IReadOnlyDictionary<int, int> Stages { get; }
    public IReadOnlyDictionary<int, int> Departments { get; }
    public IReadOnlyDictionary<RecordKind, int> RecordKinds { get; }

    /// <summary>The entries other than records: 公开事项, 网上信箱, 民意征集, 办事指南.</summary>
    public IReadOnlyDictionary<SearchEntryKind, int> EntryKinds { get; }

    /// <summary>By year of 发布日期 (records only).</summary>
    public IReadOnlyDictionary<int, int> Years { get; }

    public IReadOnlyDictionary<Validity, int> Validities { get; }

    public static SearchFacets Of(IEnumerable<IEntry> entries, bool whole)
    {
        var counter = new Counter();
        foreach (var entry in entries) counter.Add(entry);
        return counter.Build(whole);
    }

    /// <summary>Counts entries one by one, as they are read.</summary>
    public sealed class Counter
    {
        internal Dictionary<int, int> Domains { get; } = [];
        internal Dictionary<int, int> Stages { get; } = [];
        internal Dictionary<int, int> Departments { get; } = [];
        internal Dictionary<RecordKind, int> RecordKinds { get; } = [];
        internal Dictionary<int, int> Years { get; } = [];
        internal Dictionary<Validity, int> Validities { get; } = [];
        internal Dictionary<SearchEntryKind, int> EntryKinds { get; } = [];

        public int Counted { get; private set; }

        public void Add(IEntry e)
        {
            Counted++;
            if (e.DomainId != 0) Increment(Domains, e.DomainId);
            if (e.StageId != 0) Increment(Stages, e.StageId);
            Increment(Departments, e.DepartmentId);
            if (e.Kind != (int)SearchEntryKind.Record) Increment(EntryKinds, (SearchEntryKind)e.Kind);
            else if (e.RecordKind is { } kind) Increment(RecordKinds, (RecordKind)kind);
            if (e.Year is { } year) Increment(Years, year);
            if (e.Validity is { } validity) Increment(Validities, (Validity)validity);
        }

        public SearchFacets Build(bool whole) => new(this, whole);

        private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
            counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
