using System.Security.Cryptography;
using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// Department editors draft, edit, attach and submit their own department's records (Editor policy on each action);
/// reviewers may read a record's staff page. Another department's record is a 404 here: its drafts' existence is
/// nobody else's business.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageRecordsController(
    PortalDbContext db,
    IValidator<RecordForm> validator,
    MarkdownRenderer markdown,
    AttachmentStorage storage,
    AuditTrail audit,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<ManageRecordsController> logger) : PortalController
{
    public const long DefaultMaxAttachmentBytes = 20 * 1024 * 1024;
    private const int SubmitAttempts = 5;

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/records")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(string? state, string? page, CancellationToken ct)
    {
        if (!TryPage(page, out var pageNumber, out var problem)) return problem!;
        var latest = db.RecordVersions.Where(v => v.IsLatest && v.DepartmentId == Department);
        latest = state switch
        {
            null or "" or "all" => latest,
            "draft" => latest.Where(v => v.State == VersionState.Draft && v.ReturnReason == null),
            "returned" => latest.Where(v => v.State == VersionState.Draft && v.ReturnReason != null),
            "submitted" => latest.Where(v => v.State == VersionState.Submitted),
            "published" => latest.Where(v => v.State == VersionState.Published),
            "withdrawn" => latest.Where(v => v.State == VersionState.Withdrawn),
            "withheld" => latest.Where(v => v.State == VersionState.Withheld),
            _ => null!,
        };
        if (latest is null) return BadInput("状态筛选条件无效。");
        var total = await latest.CountAsync(ct);
        var info = new PageInfo(pageNumber, RecordListing.PageSize, total);
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);
        var rows = await (
            from v in latest
            join r in db.Records on v.RecordId equals r.Id
            join i in db.CatalogueItems on v.CatalogueItemId equals i.Id
            orderby v.RecordId descending
            select new ManagedRecordRow(r.Id, v.Title, r.IndexNumber, i.NameLevel1 + " · " + i.NameLevel2, v.State, v.ReturnReason != null, v.Number, v.UpdatedAt))
            .Skip(info.Skip).Take(info.PageSize).ToListAsync(ct);
        return View(new ManagedRecordsModel(state, rows, info));
    }

    [HttpGet("/manage/records/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> New(int? itemId, RecordKind? kind, int? policy, CancellationToken ct)
    {
        var department = await db.Departments.SingleAsync(d => d.Id == Department, ct);
        var form = new RecordForm { CatalogueItemId = itemId, IssuingOrgan = department.Name, WrittenOn = clock.Today() };
        if (kind is { } k && Enum.IsDefined(k)) form.Kind = k;
        // From the due list's "撰写解读": the interpretation of that policy, filed under the policy's item when it is ours.
        if (policy is { } policyId && (await InterpretationQueries.PoliciesAsync(db, [policyId], ct)).FirstOrDefault() is { IsPublished: true } chosen)
        {
            form.Kind = RecordKind.PolicyInterpretation;
            form.PolicyIds = [policyId];
            form.Title = InterpretationTitle(chosen.Title);
            form.CatalogueItemId ??= await (
                from r in db.Records
                join i in db.CatalogueItems on r.CatalogueItemId equals i.Id
                where r.Id == policyId && i.DepartmentId == Department && i.Status == CatalogueItemStatus.Active
                select (int?)i.Id).FirstOrDefaultAsync(ct);
        }
        return await FormView("New", form, null, ct);
    }

    /// <summary>《…》政策解读 from a policy title such as 关于印发《…》的通知.</summary>
    private static string InterpretationTitle(string policyTitle)
    {
        var start = policyTitle.IndexOf('《', StringComparison.Ordinal);
        var end = policyTitle.IndexOf('》', StringComparison.Ordinal);
        var name = start >= 0 && end > start + 1 ? policyTitle[(start + 1)..end] : policyTitle;
        var title = $"《{name}》政策解读";
        return title.Length <= 300 ? title : title[..300];
    }

    [HttpPost("/manage/records/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(RecordForm form, CancellationToken ct)
    {
        if (form.IsFormOnly) return await FormView("New", form, null, ct, invalid: !ModelState.IsValid);
        var item = form.CatalogueItemId is { } itemId ? await OwnActiveItem(itemId, ct) : null;
        if (item is null) ModelState.AddModelError(nameof(RecordForm.CatalogueItemId), "请选择本部门的公开事项。");
        if (form.IsInterpretation) await CheckPoliciesAsync(form, ct);
        if (!ModelState.IsValid || item is null || form.IsPreview)
            return await FormView("New", form, null, ct, invalid: !ModelState.IsValid);

        var now = clock.GetUtcNow();
        var record = Record.Create(Department, item.Id, item.DomainId, item.StageId, form.Kind!.Value, now);
        db.Records.Add(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var version = RecordVersion.CreateDraft(record, 1, form.ToMetadata(), User.DisplayName(), now);
        db.RecordVersions.Add(version);
        audit.Record(User, "record.create", "Record", record.Id, $"新建草稿：{version.Title}");
        await db.SaveChangesAsync(ct);
        if (record.Kind == RecordKind.PolicyInterpretation)
        {
            await SaveInterpretationPartsAsync(record, version, form, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        Flash("草稿已保存。可以继续上传附件，完成后提交审核。");
        return Redirect($"/manage/records/{record.Id}");
    }

    /// <summary>The record's staff page: its latest version, what is live, attachments, reviews and the audit trail.</summary>
    [HttpGet("/manage/records/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !CanSee(record)) return NotFoundPage("没有找到该信息。");
        var versions = await db.RecordVersions.AsNoTracking().Where(v => v.RecordId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var latest = versions.Single(v => v.IsLatest);
        var versionIds = versions.Select(v => v.Id).ToList();
        var item = await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == record.CatalogueItemId, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == latest.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var reviews = await db.ReviewDecisions.AsNoTracking().Where(d => versionIds.Contains(d.RecordVersionId)).OrderBy(d => d.Id).ToListAsync(ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Record" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        DateOnly? dueOn = latest.WrittenOn is { } formed ? item.TimeLimit.DueOn(formed, calendar) : null;
        InterpretationDetails? interpretation = record.Kind == RecordKind.PolicyInterpretation
            ? new InterpretationDetails(await InterpretationQueries.PoliciesOfVersionAsync(db, latest.Id, ct), await InterpretationQueries.QuestionsAsync(db, latest.Id, ct))
            : null;
        var interpretationDue = PolicyInterpretations.IsPolicy(record.Kind)
            ? (await InterpretationQueries.TimelinessAsync(db, null, clock.Today(), calendar, ct, policyRecordId: id)).SingleOrDefault()?.Timeliness
            : null;
        return View(new ManagedRecordModel(record, item, versions, latest, versions.SingleOrDefault(v => v.IsPublished), attachments, reviews, events,
            markdown.Render(latest.Body), dueOn, User.EditsFor(record.DepartmentId), MaxAttachmentBytes)
        {
            Interpretation = interpretation,
            InterpretationDue = interpretationDue,
        });
    }

    [HttpGet("/manage/records/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (record, version) = await OwnLatest(id, ct);
        if (record is null || version is null) return NotFoundPage("没有找到该信息。");
        if (version.State != VersionState.Draft)
            return Refused(id, $"当前版本状态为“{VersionWorkflow.Describe(version.State)}”，不能修改。已发布的信息请先“新建修改稿”。");
        var policyIds = await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).OrderBy(l => l.Id).Select(l => l.PolicyRecordId).ToListAsync(ct);
        var questions = await InterpretationQueries.QuestionsAsync(db, version.Id, ct);
        return await FormView("Edit", RecordForm.From(record, version, policyIds, questions), record, ct, returnReason: version.ReturnReason);
    }

    /// <remarks>
    /// Validated here, not while binding: the rules depend on the record's kind, which the edit form does not post
    /// (it is fixed once the record exists) and which is known only once the record is read.
    /// </remarks>
    [HttpPost("/manage/records/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Update(int id, [CustomizeValidator(Skip = true)] RecordForm form, CancellationToken ct)
    {
        var (record, version) = await OwnLatest(id, ct);
        if (record is null || version is null) return NotFoundPage("没有找到该信息。");
        form.Kind = record.Kind; // the kind is fixed once the record exists
        form.CatalogueItemId = record.CatalogueItemId;
        if (form.IsFormOnly) return await FormView("Edit", form, record, ct, invalid: !ModelState.IsValid, returnReason: version.ReturnReason);
        var valid = await validator.ValidateIntoAsync(form, ModelState, ct);
        if (form.IsInterpretation) await CheckPoliciesAsync(form, ct);
        if (!valid || !ModelState.IsValid || form.IsPreview)
            return await FormView("Edit", form, record, ct, invalid: !ModelState.IsValid, returnReason: version.ReturnReason);
        if (version.Version != form.Version)
            return await StaleForm(form, record, version, ct);
        // The version's questions are replaced in the same transaction as its text, so a stale save changes neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Entry(version).Property(v => v.Version).OriginalValue = form.Version;
            var now = clock.GetUtcNow();
            version.Edit(form.ToMetadata(), now);
            if (record.Kind == RecordKind.PolicyInterpretation) await SaveInterpretationPartsAsync(record, version, form, now, ct);
            audit.Record(User, "record.edit", "Record", record.Id, $"修改第{version.Number}版：{version.Title}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DomainException ex)
        {
            await tx.RollbackAsync(ct);
            ModelState.AddModelError(string.Empty, ex.Message);
            return await FormView("Edit", form, record, ct, invalid: true, returnReason: version.ReturnReason);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var (_, fresh) = await OwnLatest(id, ct);
            return await StaleForm(form, record, fresh!, ct);
        }
        Flash("修改已保存。");
        return Redirect($"/manage/records/{id}");
    }

    /// <summary>
    /// 提交审核. On the first submission the record gets its 索引号: the next serial of the department's organisation
    /// code in the current year, taken atomically (<see cref="IndexNumberSerials"/>), so simultaneous submissions queue
    /// on the counter instead of racing. A submission that still conflicts (the draft changed under it) is retried on
    /// fresh data a few times, then refused with a 409 and the draft unchanged — never a 500.
    /// </summary>
    [HttpPost("/manage/records/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, int version, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (record, latest) = await OwnLatest(id, ct);
            if (record is null || latest is null) return NotFoundPage("没有找到该信息。");
            if (latest.Version != version)
                return Refused(id, "该信息已被他人修改，请查看最新内容后再提交。");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var now = clock.GetUtcNow();
                if (record.Kind == RecordKind.PolicyInterpretation)
                    PolicyInterpretations.EnsureNamesAPublishedPolicy(await InterpretationQueries.PublishedPolicyCountAsync(db, latest.Id, ct));
                latest.Submit(now);
                if (record.IndexNumber is null)
                {
                    var organisation = await db.Departments.Where(d => d.Id == record.DepartmentId).Select(d => d.OrganisationCode).SingleAsync(ct);
                    var year = clock.Today().Year;
                    record.AssignIndexNumber(new IndexNumber(organisation, year, await IndexNumberSerials.NextAsync(db, organisation, year, ct)));
                }
                audit.Record(User, "record.submit", "Record", record.Id, $"草稿 → 待审核（第{latest.Number}版，索引号 {record.IndexNumber}）");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                Flash("已提交审核。索引号：{0}", record.IndexNumber ?? "");
                return Redirect($"/manage/records/{id}");
            }
            catch (DomainException ex)
            {
                return Refused(id, ex.Message);
            }
            catch (DbUpdateException ex) when (attempt >= SubmitAttempts)
            {
                // Nothing was saved (the transaction rolls back); the draft is as the editor left it.
                logger.LogWarning(ex, "Submission of record {RecordId} failed {Attempts} times", id, attempt);
                return Refused(id, "提交时与其他操作冲突，未能提交，草稿没有变化。请稍后再提交一次。", StatusCodes.Status409Conflict);
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Submission of record {RecordId} conflicted with another change; retrying ({Attempt})", id, attempt);
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>修改已发布信息: a new draft; the published version stays live until the new one is approved.</summary>
    [HttpPost("/manage/records/{id:int}/new-version")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> NewVersion(int id, CancellationToken ct)
    {
        var (record, latest) = await OwnLatest(id, ct);
        if (record is null || latest is null) return NotFoundPage("没有找到该信息。");
        try
        {
            var draft = RecordVersion.DraftFrom(record, latest, User.DisplayName(), clock.GetUtcNow());
            db.RecordVersions.Add(draft);
            await db.SaveChangesAsync(ct); // the old row stops being latest in the same statement batch, before the insert
            foreach (var a in await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == latest.Id).ToListAsync(ct))
                db.Attachments.Add(new Attachment(draft.Id, a.FileName, a.ContentType, a.SizeBytes, a.StorageKey, a.Sha256, a.UploadedAt, a.UploadedBy));
            // An interpretation's new draft starts with the policies, questions and answers of the published version.
            foreach (var link in await db.InterpretationLinks.AsNoTracking().Where(l => l.RecordVersionId == latest.Id).ToListAsync(ct))
                db.InterpretationLinks.Add(link.CopyTo(draft.Id));
            foreach (var question in await InterpretationQueries.QuestionsAsync(db, latest.Id, ct))
                db.InterpretationQuestions.Add(question.CopyTo(draft.Id));
            audit.Record(User, "record.new-version", "Record", id, $"新建修改稿第{draft.Number}版（第{latest.Number}版继续公开）");
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return Refused(id, ex.Message);
        }
        Flash("已新建修改稿。审核通过前，网站上继续显示已发布的版本。");
        return Redirect($"/manage/records/{id}/edit");
    }

    [HttpPost("/manage/records/{id:int}/attachments")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken ct)
    {
        var (record, latest) = await OwnLatest(id, ct);
        if (record is null || latest is null) return NotFoundPage("没有找到该信息。");
        if (latest.State != VersionState.Draft) return Refused(id, "只有草稿可以上传附件。");
        if (file is null || file.Length == 0) return Refused(id, "请选择要上传的文件。", StatusCodes.Status400BadRequest);
        if (file.Length > MaxAttachmentBytes)
            return Refused(id, "文件不能超过 {0} MB。", StatusCodes.Status400BadRequest, (MaxAttachmentBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (type, problem, problemArgs) = AttachmentInspector.Inspect(buffer, file.FileName);
        if (type is null) return Refused(id, problem!, StatusCodes.Status400BadRequest, problemArgs);

        var key = $"{DateTime.UtcNow:yyyy}/{Guid.NewGuid():N}{type.Extension}";
        var path = storage.PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        buffer.Position = 0;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await buffer.CopyToAsync(output, ct);
            output.Flush(flushToDisk: true); // fsync: on disk before its row commits, so a power cut cannot leave a row with an empty file
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var name = AttachmentInspector.CleanFileName(file.FileName, type);
        db.Attachments.Add(new Attachment(latest.Id, name, type.ContentType, buffer.Length, key, sha, clock.GetUtcNow(), User.DisplayName()));
        audit.Record(User, "record.attach", "Record", id, $"上传附件：{name}（{type.Name}，{buffer.Length} 字节）");
        await db.SaveChangesAsync(ct);
        Flash("附件“{0}”已上传。", name);
        return Redirect($"/manage/records/{id}#attachments");
    }

    [HttpPost("/manage/records/{id:int}/attachments/{attachmentId:int}/delete")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> DeleteAttachment(int id, int attachmentId, CancellationToken ct)
    {
        var (record, latest) = await OwnLatest(id, ct);
        if (record is null || latest is null) return NotFoundPage("没有找到该信息。");
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.RecordVersionId == latest.Id, ct);
        if (attachment is null) return NotFoundPage("没有找到该附件。");
        if (latest.State != VersionState.Draft) return Refused(id, "只有草稿可以删除附件。");
        db.Attachments.Remove(attachment); // the file stays: an earlier version may still list it
        audit.Record(User, "record.detach", "Record", id, $"删除附件：{attachment.FileName}");
        await db.SaveChangesAsync(ct);
        Flash("附件“{0}”已删除。", attachment.FileName);
        return Redirect($"/manage/records/{id}#attachments");
    }

    /// <summary>Staff download of any version's attachment (an editor's own department, or a reviewer).</summary>
    [HttpGet("/manage/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int attachmentId, CancellationToken ct)
    {
        var row = await (from a in db.Attachments
                         join v in db.RecordVersions on a.RecordVersionId equals v.Id
                         where a.Id == attachmentId
                         select new { Attachment = a, v.DepartmentId }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null || !(User.IsInRole(Roles.Reviewer) || User.EditsFor(row.DepartmentId))) return NotFoundPage("没有找到该附件。");
        var path = storage.PathOf(row.Attachment.StorageKey);
        if (path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该附件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, row.Attachment.ContentType, row.Attachment.FileName);
    }

    private long MaxAttachmentBytes => configuration.GetValue("Storage:MaxAttachmentBytes", DefaultMaxAttachmentBytes);

    private bool CanSee(Record record) => User.IsInRole(Roles.Reviewer) || User.EditsFor(record.DepartmentId);

    private async Task<(Record? Record, RecordVersion? Latest)> OwnLatest(int id, CancellationToken ct)
    {
        var record = await db.Records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !User.EditsFor(record.DepartmentId)) return (null, null);
        return (record, await db.RecordVersions.SingleAsync(v => v.RecordId == id && v.IsLatest, ct));
    }

    private Task<CatalogueItem?> OwnActiveItem(int id, CancellationToken ct) =>
        db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id && i.DepartmentId == Department && i.Status == CatalogueItemStatus.Active, ct);

    private async Task<IActionResult> FormView(string view, RecordForm form, Record? record, CancellationToken ct, bool invalid = false, string? returnReason = null, RecordVersion? current = null)
    {
        if (invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        var items = await db.CatalogueItems.AsNoTracking()
            .Where(i => i.DepartmentId == Department && (i.Status == CatalogueItemStatus.Active || (record != null && i.Id == record.CatalogueItemId)))
            .OrderBy(i => i.DomainId).ThenBy(i => i.StageId).ThenBy(i => i.SortOrder)
            .Select(i => new ItemOption(i.Id, i.NameLevel1 + " · " + i.NameLevel2)).ToListAsync(ct);
        var preview = form.IsPreview ? markdown.Render(form.Body) : null;
        var model = new RecordFormModel(form, record?.Id, record?.IndexNumber, items, preview, returnReason, current);
        if (!form.IsInterpretation) return View(view, model);

        var chosen = form.ChosenPolicyIds.Take(PolicyInterpretations.MaxPolicies * 2).ToList(); // a tampered list is refused; it need not be drawn
        // The rows are redrawn as posted (errors are keyed by their index), then blank ones are added to write more.
        var rows = form.Questions.Take(PolicyInterpretations.MaxQuestions + 10).ToList();
        if (form.MovesRow is { } up && up < rows.Count) (rows[up - 1], rows[up]) = (rows[up], rows[up - 1]);
        while (rows.Count > 0 && rows[^1].IsBlank) rows.RemoveAt(rows.Count - 1); // blank rows carry no errors
        var blanks = form.Intent == "add-questions" ? 3 : Math.Max(1, 3 - rows.Count);
        if (rows.Count(r => !r.IsBlank) < PolicyInterpretations.MaxQuestions)
            rows.AddRange(Enumerable.Range(0, blanks).Select(_ => new QuestionField()));
        var found = form.PolicyQuery is { Length: > 100 } ? [] : await InterpretationQueries.FindPoliciesAsync(db, form.PolicyQuery, Department, chosen, ct);
        return View(view, model with
        {
            ChosenPolicies = await InterpretationQueries.PoliciesAsync(db, chosen, ct),
            FoundPolicies = found,
            QuestionRows = rows,
        });
    }

    /// <summary>Every chosen policy must be published now, and be a policy (规章 or 行政规范性文件).</summary>
    private async Task CheckPoliciesAsync(RecordForm form, CancellationToken ct)
    {
        var chosen = form.ChosenPolicyIds;
        if (chosen.Count == 0 || chosen.Count > PolicyInterpretations.MaxPolicies) return;
        var published = await db.PublishedVersions
            .CountAsync(v => chosen.Contains(v.RecordId) && PolicyInterpretations.PolicyKinds.Contains(v.Kind), ct);
        if (published != chosen.Count)
            ModelState.AddModelError(nameof(RecordForm.PolicyIds), "所选的政策文件须是已发布的规章或行政规范性文件；已不再公开的请取消勾选。");
    }

    /// <summary>The version's links to the policies it interprets (kept where unchanged) and its questions (replaced).</summary>
    private async Task SaveInterpretationPartsAsync(Record record, RecordVersion version, RecordForm form, DateTimeOffset now, CancellationToken ct)
    {
        var chosen = form.ChosenPolicyIds;
        var existing = await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).ToListAsync(ct);
        db.InterpretationLinks.RemoveRange(existing.Where(l => !chosen.Contains(l.PolicyRecordId)));
        foreach (var policyId in chosen.Where(p => existing.All(l => l.PolicyRecordId != p)))
            db.InterpretationLinks.Add(new InterpretationLink(record.Id, version.Id, policyId, now));

        await db.InterpretationQuestions.Where(q => q.RecordVersionId == version.Id).ExecuteDeleteAsync(ct);
        if (version.InterpretationForm == InterpretationForm.QuestionsAndAnswers)
            db.InterpretationQuestions.AddRange(form.FilledQuestions.Select((q, i) => new InterpretationQuestion(version.Id, i + 1, q.Question!, q.Answer!)));
    }

    private async Task<IActionResult> StaleForm(RecordForm form, Record record, RecordVersion current, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, "保存失败：您打开此页后，该信息已被他人修改。您填写的内容保留在下方，当前已保存的内容列在表单后，请核对后再保存。");
        form.Version = current.Version; // saving again now overwrites deliberately, with the other change in view
        var view = await FormView("Edit", form, record, ct, returnReason: current.ReturnReason, current: current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return view;
    }

    /// <param name="message">A localizer key; anything typed goes in <paramref name="args"/>, never into the key.</param>
    private IActionResult Refused(int id, string message, int status = StatusCodes.Status409Conflict, params string[] args)
    {
        Response.StatusCode = status;
        return View("Problem", new ProblemModel(status, status == 400 ? "请求有误" : "操作未能完成", message, [.. args])
        {
            BackLink = $"/manage/records/{id}",
        });
    }
}
