using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace DisclosurePortal.Web.Tests.Caching;

/// <summary>The store's guard: a page whose request began before an eviction is not stored after it (no database involved).</summary>
public sealed class PublicPageStoreTests
{
    [Fact]
    public async Task APageReadBeforeAnEviction_IsNotStored_OneReadAfterItIs()
    {
        var inner = new RecordingStore();
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var store = new PublicPageStore(inner, http);

        store.NoteRequestStart(http.HttpContext);                 // a visitor's request reads the old record …
        await store.EvictAsync([PublicPageTags.Record(12)]);      // … a reviewer withdraws it …
        await store.SetAsync("GET /records/12", [1], [PublicPageTags.Record(12)], TimeSpan.FromMinutes(10), default); // … the old page finishes
        Assert.Empty(inner.Stored);
        Assert.Equal([PublicPageTags.Record(12)], inner.Evicted);

        store.NoteRequestStart(http.HttpContext);
        await store.SetAsync("GET /records/12", [2], [PublicPageTags.Record(12)], TimeSpan.FromMinutes(10), default);
        Assert.Equal(["GET /records/12"], inner.Stored);
    }

    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<string> Stored { get; } = [];
        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Stored.Add(key);
            return ValueTask.CompletedTask;
        }
    }
}
