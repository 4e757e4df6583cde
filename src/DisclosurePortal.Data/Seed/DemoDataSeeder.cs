using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// A fictional county (青川县) with departments, a catalogue across all 26 domains and 5 stages, about a thousand
/// published records with 文号 and 索引号, policy interpretations, and a few application cases in every state
/// (<see cref="DemoCases"/>). Runs once, on an empty database; deterministic (the cases are dated back from today).
/// </summary>
public sealed partial class DemoDataSeeder(PortalDbContext db, TimeProvider clock, IConfiguration configuration, PersonalData personalData, WriterContacts writerContacts,
    ConsultationContacts consultationContacts)
{
    private const string SeedActor = "系统初始化";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Departments.AnyAsync(ct)) return;
        var random = new Random(20261122);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var target = configuration.GetValue("Seed:DemoRecords", 1000);

        var departments = DemoContent.Departments
            .Select((d, i) => (d.Key, Entity: new Department(d.Name, d.ShortName, d.OrganisationCode, d.DocumentPrefix, i + 1)))
            .ToDictionary(x => x.Key, x => x.Entity);
        db.Departments.AddRange(departments.Values);
        await db.SaveChangesAsync(ct);

        var domainIds = await db.Domains.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var stageIds = await db.Stages.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var items = new List<(DemoItem Demo, CatalogueItem Entity)>();
        foreach (var group in DemoContent.Items.GroupBy(i => (i.DomainCode, i.StageCode)))
        {
            var order = 0;
            foreach (var demo in group)
            {
                var entity = CatalogueItem.Create(demo.ToElements(), departments[demo.DepartmentKey].Id, domainIds[demo.DomainCode], stageIds[demo.StageCode], now.AddYears(-3), ++order);
                items.Add((demo, entity));
            }
        }
        db.CatalogueItems.AddRange(items.Select(i => i.Entity));
        await db.SaveChangesAsync(ct);
        db.CatalogueItemRevisions.AddRange(items.Select(i => new CatalogueItemRevision(
            i.Entity.Id, 1, CatalogueItemChange.Added, JsonSerializer.Serialize(i.Demo.ToElements()), SeedActor, "初始目录", i.Entity.CreatedAt)));

        // Plan the records first, oldest first, so 索引号 serials and 文号 numbers rise with time as they would.
        // Items take turns so every item gets records; a title is used once (a portal does not publish the same
        // notice twice), so an item whose templates are exhausted simply stops receiving records.
        var planned = new List<PlannedRecord>();
        var usedTitles = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; planned.Count < target && round < 4 * target / items.Count + 4; round++)
        {
            var added = 0;
            foreach (var (demo, item) in items)
            {
                if (planned.Count >= target) break;
                if (round > 0 && random.NextDouble() < 0.15) continue; // some items are busier than others
                // Recent records are more common, as on a real portal.
                var publishedOn = Weekday(today.AddDays(-1 - (int)(Math.Pow(random.NextDouble(), 1.6) * 1000)));
                var seed = random.Next();
                var rnd = new Random(seed);
                for (var attempt = 0; attempt < 6; attempt++)
                {
                    var template = demo.TitleTemplates[rnd.Next(demo.TitleTemplates.Length)];
                    var period = TitlePeriod.Of(template, publishedOn);
                    var title = Fill(template, period, rnd);
                    if (!usedTitles.Add(title)) continue;
                    planned.Add(new PlannedRecord(demo, item, publishedOn, seed, title, period));
                    added++;
                    break;
                }
            }
            if (added == 0) break;
        }
        planned.Sort((a, b) => a.PublishedOn.CompareTo(b.PublishedOn));

        var counters = new Dictionary<(string, int), IndexNumberCounter>();
        var documentSerials = new Dictionary<(string, int), int>();
        var records = new List<(PlannedRecord Plan, Record Record, RecordMetadata Metadata)>();
        foreach (var plan in planned)
        {
            var department = departments[plan.Demo.DepartmentKey];
            var rnd = new Random(plan.Seed);
            var record = Record.Create(department.Id, plan.Item.Id, plan.Item.DomainId, plan.Item.StageId, plan.Demo.RecordKind, ChinaTime.At(plan.PublishedOn.AddDays(-3), new TimeOnly(9, 0)));
            record.AssignIndexNumber(NextIndexNumber(counters, department.OrganisationCode, plan.PublishedOn.Year));
            var title = plan.Title;
            // Written a few days before publication, but never before the period it reports on has ended.
            var writtenOn = plan.PublishedOn.AddDays(-rnd.Next(1, 8));
            if (plan.Period.EndsOn is { } ended && writtenOn <= ended) writtenOn = ended.AddDays(1);
            var metadata = new RecordMetadata
            {
                Title = title,
                DocumentNumber = HasDocumentNumber(plan.Demo.RecordKind) ? NextDocumentNumber(documentSerials, department.DocumentPrefix, plan.PublishedOn.Year) : null,
                IssuingOrgan = department.Name,
                TopicCategory = null,
                WrittenOn = writtenOn,
                Validity = ValidityOf(plan.Demo.RecordKind, plan.PublishedOn, today, rnd),
                Body = Body(plan.Demo.RecordKind, title, plan.Period with { WrittenOn = writtenOn }, rnd, department.Name)
                    + DemoTables.For(title, rnd, department.Name),
            };
            records.Add((plan, record, metadata));
        }

        // Policy interpretations (政策解读) for about half the normative documents: most on time, a few late.
        var interpretations = new List<(Record Policy, Record Record, RecordMetadata Metadata, DateOnly PublishedOn, IReadOnlyList<(string Q, string A)> Questions)>();
        foreach (var (plan, policy, policyMeta) in records.Where(r => r.Plan.Demo.RecordKind == RecordKind.NormativeDocument).ToList())
        {
            var rnd = new Random(plan.Seed ^ 0x5A5A);
            if (rnd.NextDouble() > 0.55) continue;
            var department = departments[plan.Demo.DepartmentKey];
            var lag = rnd.NextDouble() < 0.85 ? rnd.Next(0, 4) : rnd.Next(5, 12);
            var publishedOn = Weekday(plan.PublishedOn.AddDays(lag));
            if (publishedOn >= today) publishedOn = plan.PublishedOn;
            var interpretation = Record.Create(department.Id, plan.Item.Id, plan.Item.DomainId, plan.Item.StageId, RecordKind.PolicyInterpretation, ChinaTime.At(publishedOn, new TimeOnly(9, 0)));
            interpretation.AssignIndexNumber(NextIndexNumber(counters, department.OrganisationCode, publishedOn.Year));
            var form = (InterpretationForm)rnd.Next(1, 6);
            // Every other 媒体解读 is a video on the county's (fictional) video site: the page links to it, embeds nothing.
            if (form == InterpretationForm.Media && interpretations.Count % 2 == 0) form = InterpretationForm.Video;
            var title = $"{PolicyName(policyMeta.Title)}{FormSuffix(form)}";
            var questions = form == InterpretationForm.QuestionsAndAnswers ? Questions(policyMeta, department.Name) : [];
            interpretations.Add((policy, interpretation, new RecordMetadata
            {
                Title = title,
                IssuingOrgan = department.Name,
                WrittenOn = publishedOn,
                InterpretationForm = form,
                VideoUrl = form == InterpretationForm.Video
                    ? string.Create(CultureInfo.InvariantCulture, $"https://video.qingchuan.example/jiedu/{interpretation.IndexNumber![^10..]}.mp4")
                    : null,
                Body = InterpretationBody(form, policyMeta, rnd, department.Name, TitlePeriod.Of(string.Empty, publishedOn) with { WrittenOn = publishedOn }),
            }, publishedOn, questions));
        }

        // 回应关切 and 新闻发布会 (issue 19).
        var responses = DemoPublicResponses.Plan(key =>
            {
                var department = departments[key];
                return (items.First(i => i.Entity.DepartmentId == department.Id).Entity, department.Name);
            }, today)
            .Select(p =>
            {
                var department = departments.Values.First(d => d.Id == p.Item.DepartmentId);
                var record = Record.Create(department.Id, p.Item.Id, p.Item.DomainId, p.Item.StageId, p.Kind, ChinaTime.At(p.PublishedOn.AddDays(-1), new TimeOnly(9, 0)));
                record.AssignIndexNumber(NextIndexNumber(counters, department.OrganisationCode, p.PublishedOn.Year));
                return (Record: record, p.Metadata, p.PublishedOn);
            }).ToList();

        db.Records.AddRange(records.Select(r => r.Record));
        db.Records.AddRange(interpretations.Select(i => i.Record));
        db.Records.AddRange(responses.Select(r => r.Record));
        db.IndexNumberCounters.AddRange(counters.Values);
        await db.SaveChangesAsync(ct);

        var versions = new List<RecordVersion>();
        foreach (var (plan, record, metadata) in records)
            versions.Add(PublishedVersion(record, metadata, plan.PublishedOn));
        var interpretationVersions = interpretations.Select(i => PublishedVersion(i.Record, i.Metadata, i.PublishedOn)).ToList();
        versions.AddRange(interpretationVersions);
        versions.AddRange(responses.Select(r => PublishedVersion(r.Record, r.Metadata, r.PublishedOn)));
        db.RecordVersions.AddRange(versions);
        await db.SaveChangesAsync(ct);
        foreach (var (i, version) in interpretations.Zip(interpretationVersions))
        {
            db.InterpretationLinks.Add(new InterpretationLink(i.Record.Id, version.Id, i.Policy.Id, i.Record.CreatedAt));
            db.InterpretationQuestions.AddRange(i.Questions.Select((qa, n) => new InterpretationQuestion(version.Id, n + 1, qa.Q, qa.A)));
        }
        await db.SaveChangesAsync(ct);

        // Nothing goes public unreviewed: each demo publication carries the reviews the default chain asks (DemoReviews).
        foreach (var v in versions)
        {
            db.ReviewDecisions.AddRange(DemoReviews.For(v));
        }
        await db.SaveChangesAsync(ct);

        // Applications in every state the office sees, on the calendar the reference data has just seeded.
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var caseDepartments = DemoContent.Departments.Select(d => (departments[d.Key].Id, departments[d.Key].Name)).ToList();
        db.ApplicationCases.AddRange(new DemoCases(personalData, calendar, today, now, caseDepartments, new Random(20261206)).Create());
        await db.SaveChangesAsync(ct);

        // Notifications and the mail outbox (issue 19).
        db.StaffNotifications.AddRange(DemoNotifications.Staff(departments["housing"].Id, now));
        db.OutboxMails.AddRange(DemoNotifications.Outbox(now));
        // 网上信箱 (issue 19): messages in every state, and the starting 敏感词 list.
        db.SensitiveWords.AddRange(DemoMessages.StartingWords.Select(w => new Domain.Participation.SensitiveWord(w, now, SeedActor)));
        db.Messages.AddRange(new DemoMessages(writerContacts, calendar, today, departments.ToDictionary(d => d.Key, d => (d.Value.Id, d.Value.Name))).Create());
        await db.SaveChangesAsync(ct);
        await DemoConsultations.SeedAsync(db, consultationContacts, today, now, ct);
        await DemoProfiles.SeedAsync(db, departments, now, ct);
        await SeedUnitsAsync(departments, today, now, ct);
        await DemoPowers.SeedAsync(db, departments["housing"].Id, departments["market"].Id, calendar, today, now, ct);
        // The folder as AttachmentStorage resolves it (a relative folder is under the content root, the working directory).
        var attachments = Path.GetFullPath(configuration["Storage:AttachmentsFolder"] ?? Path.Combine(configuration["Database:DataFolder"] ?? "data", "attachments"));
        await DemoGuides.SeedAsync(db, attachments, departments["civil-affairs"].Id, departments["hrss"].Id, departments["housing"].Id, today, now, ct);
        await DemoLeaderPhotos.SeedAsync(db, attachments, departments["housing"].Id, now, ct);
        await DemoColumnRecords.SeedAsync(db, departments.ToDictionary(d => d.Key, d => (d.Value.Id, d.Value.Name, d.Value.OrganisationCode)), today, ct);
        await DemoPolicyCleanups.SeedAsync(db, today, ct);
        // Expected publications (issue 21 §1): periodic items owe their periods from last year; a waiver and an event or two.
        await DemoExpectations.SeedAsync(db, calendar, today, now, ct);
        // 评议 (issue 21 §5): ratings over records, answered cases and messages.
        await DemoRatings.SeedAsync(db, today, ct);
        // 考核 (issue 21 §4): last year's and this year's schemes; the web computes them after the seed (IDemoDataStep).
        await DemoAssessments.SeedAsync(db, departments.ToDictionary(d => d.Key, d => d.Value.Id), today, now, ct);
    }

    /// <summary>Offices publish on weekdays: a weekend date moves back to the Friday before.</summary>
    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    private static RecordVersion PublishedVersion(Record record, RecordMetadata metadata, DateOnly publishedOn)
    {
        var submittedAt = ChinaTime.At(publishedOn, new TimeOnly(8, 30)).AddDays(-1);
        var version = RecordVersion.CreateDraft(record, 1, metadata, SeedActor, submittedAt.AddHours(-2));
        version.Submit(submittedAt);
        version.Publish(publishedOn, ChinaTime.At(publishedOn, new TimeOnly(10, 0)));
        return version;
    }


    private static IndexNumber NextIndexNumber(Dictionary<(string, int), IndexNumberCounter> counters, string organisationCode, int year)
    {
        if (!counters.TryGetValue((organisationCode, year), out var counter))
            counters[(organisationCode, year)] = counter = new IndexNumberCounter(organisationCode, year);
        return counter.Next();
    }

    private static string NextDocumentNumber(Dictionary<(string, int), int> serials, string prefix, int year)
    {
        var n = serials.GetValueOrDefault((prefix, year)) + 1;
        serials[(prefix, year)] = n;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{n}号");
    }

    private static bool HasDocumentNumber(RecordKind kind) =>
        kind is RecordKind.Regulation or RecordKind.NormativeDocument or RecordKind.Notice or RecordKind.Plan or RecordKind.PublicFunds;

    private static Validity ValidityOf(RecordKind kind, DateOnly publishedOn, DateOnly today, Random rnd)
    {
        if (kind is not (RecordKind.NormativeDocument or RecordKind.Regulation or RecordKind.Plan)) return Validity.Valid;
        if (publishedOn > today.AddYears(-2)) return Validity.Valid;
        var x = rnd.NextDouble();
        return x < 0.2 ? Validity.Expired : x < 0.27 ? Validity.Repealed : Validity.Valid;
    }

    private static string Fill(string template, TitlePeriod period, Random rnd, string department = "", string title = "") =>
        template
            .Replace("{year}", period.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{lastYear}", period.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", period.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{thisMonth}", period.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{quarter}", ChineseNumerals.Of(period.Quarter), StringComparison.Ordinal)
            .Replace("{thisQuarter}", ChineseNumerals.Of(period.Quarter), StringComparison.Ordinal)
            .Replace("{writtenOn}", Chinese(period.WrittenOn), StringComparison.Ordinal)
            .Replace("{effectiveOn}", Chinese(period.EffectiveOn), StringComparison.Ordinal)
            .Replace("{town}", DemoContent.Towns[rnd.Next(DemoContent.Towns.Count)], StringComparison.Ordinal)
            .Replace("{n}", rnd.Next(1, 6).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{dept}", department, StringComparison.Ordinal)
            .Replace("{title}", title, StringComparison.Ordinal);

    private static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>
    /// The body keeps the authored order of the paragraphs; the opening one always, others sampled. The parts kept are
    /// then numbered in order (一、二、三…, 第一章、第二章…), so a part left out leaves no gap.
    /// </summary>
    private static string Body(RecordKind kind, string title, TitlePeriod period, Random rnd, string department)
    {
        var name = DocumentName(title);
        var chosen = DemoContent.BodyParagraphs[kind].Where((_, i) => i == 0 || rnd.NextDouble() < 0.7);
        var (parts, chapters) = (0, 0);
        var numbered = chosen.Select(p => Fill(p, period, rnd, department, name)).Select(p =>
        {
            var part = PartHeading().Match(p);
            if (part.Success) return string.Concat("### ", ChineseNumerals.Of(++parts), "、", p.AsSpan(part.Length));
            var chapter = ChapterHeading().Match(p);
            if (chapter.Success) return string.Concat("### 第", ChineseNumerals.Of(++chapters), "章", p.AsSpan(chapter.Length));
            return p;
        });
        return string.Join("\n\n", numbered) + "\n";
    }

    [GeneratedRegex("^### [一二三四五六七八九十]+、")]
    private static partial Regex PartHeading();

    [GeneratedRegex("^### 第[一二三四五六七八九十]+章")]
    private static partial Regex ChapterHeading();

    /// <summary>The document's own name: what stands inside 《》 in a title such as 关于印发《…》的通知, else the title.</summary>
    private static string DocumentName(string title)
    {
        var start = title.IndexOf('《', StringComparison.Ordinal);
        var end = title.IndexOf('》', StringComparison.Ordinal);
        return start >= 0 && end > start + 1 ? title[(start + 1)..end] : title;
    }

    private static string PolicyName(string policyTitle) => $"《{DocumentName(policyTitle)}》";

    private static string FormSuffix(InterpretationForm form) => form switch
    {
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Expert => "专家解读",
        InterpretationForm.Media => "媒体解读",
        InterpretationForm.QuestionsAndAnswers => "政策问答",
        InterpretationForm.Video => "视频解读",
        _ => "政策解读",
    };

    private static string InterpretationBody(InterpretationForm form, RecordMetadata policy, Random rnd, string department, TitlePeriod period)
    {
        var sb = new StringBuilder();
        var name = PolicyName(policy.Title);
        if (form == InterpretationForm.QuestionsAndAnswers)
        {
            // The questions and answers themselves are rows of their own (Questions); the body introduces them.
            sb.Append(CultureInfo.InvariantCulture, $"为便于群众和企业准确理解{name}，{department}就社会关注的主要问题作如下解答。\n");
        }
        else if (form == InterpretationForm.Video)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{department}负责同志在视频中解读{name}的出台背景、主要内容和办事指引。视频约8分钟。\n");
        }
        else
        {
            // The authored interpretation paragraphs already follow 出台背景 → 主要内容 → 特色亮点 → 办事指引.
            sb.Append(Body(RecordKind.PolicyInterpretation, policy.Title, period, rnd, department));
        }
        return sb.ToString();
    }

    private static IReadOnlyList<(string Q, string A)> Questions(RecordMetadata policy, string department)
    {
        var name = PolicyName(policy.Title);
        return
        [
            ($"制定{name}的背景是什么？", $"为贯彻落实上级有关部署，结合我县实际，{department}在深入调研、广泛征求意见的基础上起草了该文件。"),
            ("文件的适用对象有哪些？", "文件适用于本县行政区域内符合条件的单位和个人，具体条件以文件正文为准。"),
            ("如何咨询和办理？", $"可拨打12345政务服务便民热线，或到县政务服务中心{department}窗口咨询办理。\n办理时请携带本人有效身份证件。"),
        ];
    }

    private sealed record PlannedRecord(DemoItem Demo, CatalogueItem Item, DateOnly PublishedOn, int Seed, string Title, TitlePeriod Period);
}
