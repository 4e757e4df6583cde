using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>Builds a record with one version under the first catalogue item, as a draft or published.</summary>
public sealed class RecordBuilder(PortalDbContext db)
{
    private string _title = $"测试信息 {Guid.NewGuid():N}";
    private string _body = "测试正文。";
    private bool _published;

    public RecordBuilder Titled(string title) { _title = title; return this; }

    public RecordBuilder WithBody(string body) { _body = body; return this; }

    public RecordBuilder Published() { _published = true; return this; }

    public async Task<(Record Record, RecordVersion Version)> SaveAsync()
    {
        var item = await db.CatalogueItems.OrderBy(i => i.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var record = Record.Create(item.DepartmentId, item.Id, item.DomainId, item.StageId, RecordKind.Notice, now);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata { Title = _title, IssuingOrgan = "测试单位", Body = _body }, "测试", now);
        if (_published)
        {
            version.Submit(now);
            version.Publish(DateOnly.FromDateTime(now.UtcDateTime), now);
        }
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return (record, version);
    }
}
