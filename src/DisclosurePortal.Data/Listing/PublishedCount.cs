namespace DisclosurePortal.Data.Listing;

/// <summary>
/// How many published versions one catalogue item holds, under the domain, stage and department the versions carry.
/// Derived data kept by database triggers on RecordVersions (docs/adr/0017), in the same transaction as the change, so
/// that the public pages read counts from a few hundred rows instead of counting a million (home, domain tabs, pagers).
/// </summary>
public sealed class PublishedCount
{
    public int CatalogueItemId { get; private set; }
    public int DomainId { get; private set; }
    public int StageId { get; private set; }
    public int DepartmentId { get; private set; }
    public int Count { get; private set; }
}
