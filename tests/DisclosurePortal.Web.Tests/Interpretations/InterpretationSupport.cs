using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Interpretations;

/// <summary>Policies and interpretations published on given dates (past dates are facts the forms cannot produce).</summary>
public static class InterpretationSupport
{
    public const string HousingCode = "11511099022152793X";
    public const string FinanceCode = "11511099076240393N";

    /// <summary>Today in China by the real clock, for callers without a factory (the browser tests); web tests use the factory's Clock.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static async Task<int> DepartmentIdAsync(PortalFactory factory, string organisationCode)
    {
        _ = factory.Services; // starts the app, which migrates and seeds a fresh database
        await using var db = factory.NewDbContext();
        return await db.Departments.Where(d => d.OrganisationCode == organisationCode).Select(d => d.Id).SingleAsync();
    }

    /// <summary>A record of the department, published on <paramref name="publishedOn"/> with its reviews skipped.</summary>
    public static async Task<int> PublishedAsync(PortalFactory factory, int departmentId, RecordKind kind, DateOnly publishedOn,
        Validity validity = Validity.Valid, string? title = null)
    {
        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.Where(i => i.DepartmentId == departmentId).OrderBy(i => i.Id).FirstAsync();
        var at = ChinaTime.At(publishedOn, new TimeOnly(9, 0));
        var record = Record.Create(departmentId, item.Id, item.DomainId, item.StageId, kind, at);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = title ?? $"关于印发《测试政策{Guid.NewGuid():N}》的通知",
            DocumentNumber = "青住建发〔2026〕99号",
            IssuingOrgan = "测试单位",
            Validity = validity,
            Body = "政策正文。",
        }, "测试", at);
        version.Submit(at);
        version.Publish(publishedOn, at);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return record.Id;
    }

    /// <summary>A published 文字解读 of the policy, published on <paramref name="publishedOn"/>.</summary>
    public static async Task<int> InterpretedAsync(PortalFactory factory, int policyId, DateOnly publishedOn)
    {
        await using var db = factory.NewDbContext();
        var policy = await db.Records.SingleAsync(r => r.Id == policyId);
        var at = ChinaTime.At(publishedOn, new TimeOnly(10, 0));
        var record = Record.Create(policy.DepartmentId, policy.CatalogueItemId, policy.DomainId, policy.StageId, RecordKind.PolicyInterpretation, at);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = $"测试解读{Guid.NewGuid():N}", IssuingOrgan = "测试单位", InterpretationForm = InterpretationForm.Text, Body = "解读正文。",
        }, "测试", at);
        version.Submit(at);
        version.Publish(publishedOn, at);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        db.InterpretationLinks.Add(new InterpretationLink(record.Id, version.Id, policyId, at));
        await db.SaveChangesAsync();
        return record.Id;
    }

    /// <summary>The new-record form of an interpretation, as an editor fills it in.</summary>
    public static InterpretationPost InterpretationFields(DateOnly writtenOn, int itemId, string title, string form, IEnumerable<int> policies,
        IEnumerable<(string Question, string Answer)>? questions = null, string videoUrl = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["CatalogueItemId"] = itemId.ToString(),
            ["Kind"] = ((int)RecordKind.PolicyInterpretation).ToString(),
            ["Title"] = title,
            ["DocumentNumber"] = "",
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["WrittenOn"] = writtenOn.ToString("yyyy-MM-dd"),
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["InterpretationForm"] = form,
            ["VideoUrl"] = videoUrl,
            ["Body"] = "为便于理解，现解读如下。",
            ["Intent"] = "save",
        };
        foreach (var ((q, a), i) in (questions ?? []).Select((qa, i) => (qa, i)))
        {
            fields[$"Questions[{i}].Question"] = q;
            fields[$"Questions[{i}].Answer"] = a;
        }
        return new InterpretationPost(fields, [.. policies]);
    }

    /// <summary>The record id from a redirect to /manage/records/{id}.</summary>
    public static int RecordIdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"no redirect: {response.StatusCode}");
        return int.Parse(location["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The interpretation form's fields and the policies ticked (boxes named PolicyIds, drawn for the department's latest
/// policies and the chosen ones). The new form is the one at <c>/manage/records/new?kind=3</c>, as the menu opens it.
/// </summary>
public sealed class InterpretationPost(Dictionary<string, string> values, List<int> policies)
{
    public const string NewPage = "/manage/records/new?kind=3";
    public const string NewAction = "/manage/records/new";

    public Dictionary<string, string> Values { get; } = values;

    public List<int> Policies { get; } = policies;

    public string this[string name]
    {
        get => Values[name];
        set => Values[name] = value;
    }

    public bool Remove(string name) => Values.Remove(name);

    /// <summary>The fields, less the item and kind on an edit form (a record keeps them).</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields(string action = NewAction) =>
        Values.Where(v => !action.EndsWith("/edit", StringComparison.Ordinal) || v.Key is not ("CatalogueItemId" or "Kind")).Concat(Policies.Select(p => new KeyValuePair<string, string>("PolicyIds", p.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Fills in and submits the form on <paramref name="formPage"/> (by default the new form).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient editor, string formPage = NewPage, string action = NewAction) =>
        Browserish.PostFormAsync(editor, formPage, action, Fields(action));

    /// <summary>The same form with values it does not offer (a draft or a notice as the policy, 51 questions).</summary>
    public Task<HttpResponseMessage> PostTamperedAsync(HttpClient editor, string formPage = NewPage, string action = NewAction) =>
        ForgedRequests.TamperedFormAsync(editor, formPage, action, Fields(action));
}
