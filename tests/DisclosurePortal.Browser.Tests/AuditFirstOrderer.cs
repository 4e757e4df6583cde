using DisclosurePortal.Browser.Tests.Audit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("DisclosurePortal.Browser.Tests.AuditFirstOrderer", "DisclosurePortal.Browser.Tests")]

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Starts the audit collection first, the others after it in the order found. The audit (every page type in every look)
/// is the longest collection by far and runs its tests one after another; started first, it runs beside the journeys
/// rather than alone after them, as it did when xunit's default order (by a hash of the collection) happened to put it last.
/// </summary>
public sealed class AuditFirstOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == AuditCollection.Name ? 0 : 1); // stable: the rest keep their order
}
