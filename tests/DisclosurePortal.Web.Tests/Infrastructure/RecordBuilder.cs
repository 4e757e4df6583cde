using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// Builds a record with one version under the first catalogue item (or a given one), as a draft or published, at the
/// time of <paramref name="clock"/> (the app's: <see cref="PortalFactory.Clock"/>).
/// </summary>
public sealed class RecordBuilder(PortalDbContext db, TimeProvider clock)
{
    private string _title = $"测试信息 {Guid.NewGuid():N}";
    private string _body = "测试正文。";
    private string? _documentNumber;
    private RecordKind _kind = RecordKind.Notice;
    private Validity _validity = Validity.Valid;
    private CatalogueItem? _item;
    private bool _published;
    private DateOnly? _publishedOn;
    private bool _indexNumber;

    public RecordBuilder Titled(string title) { _title = title; return this; }

    public RecordBuilder WithBody(string body) { _body = body; return this; }

    public RecordBuilder WithDocumentNumber(string documentNumber) { _documentNumber = documentNumber; return this; }

    public RecordBuilder OfKind(RecordKind kind) { _kind = kind; return this; }

    public RecordBuilder WithValidity(Validity validity) { _validity = validity; return this; }

    public RecordBuilder Under(CatalogueItem item) { _item = item; return this; }

    /// <summary>Gives the record a 索引号 of the year 2031 (after any demo year), its serial from the record id.</summary>
    public RecordBuilder WithIndexNumber() { _indexNumber = true; return this; }

    public RecordBuilder Published() { _published = true; return this; }

    /// <summary>Published, with this 发布日期.</summary>
    public RecordBuilder PublishedOn(DateOnly date) { _published = true; _publishedOn = date; return this; }

    public async Task<(Record Record, RecordVersion Version)> SaveAsync()
    {
        var item = _item ?? await db.CatalogueItems.OrderBy(i => i.Id).FirstAsync();
        var now = clock.GetUtcNow();
        var record = Record.Create(item.DepartmentId, item.Id, item.DomainId, item.StageId, _kind, now);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var metadata = new RecordMetadata { Title = _title, IssuingOrgan = "测试单位", Body = _body, DocumentNumber = _documentNumber, Validity = _validity };
        var version = RecordVersion.CreateDraft(record, 1, metadata, "测试", now);
        if (_published)
        {
            version.Submit(now);
            version.Publish(_publishedOn ?? DateOnly.FromDateTime(now.UtcDateTime), now);
        }
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        if (_indexNumber)
        {
            // After the version is saved, so that an index already holding it must follow the change.
            var organisation = await db.Departments.Where(d => d.Id == item.DepartmentId).Select(d => d.OrganisationCode).SingleAsync();
            record.AssignIndexNumber(new IndexNumber(organisation, 2031, record.Id % 99_999 + 1));
            await db.SaveChangesAsync();
        }
        return (record, version);
    }
}
