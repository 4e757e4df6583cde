using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>
/// A unit's 机构概况 (issue 20 §2): its editors draft a version and submit it (own unit only: another unit's version is a
/// 404, ADR 6); the office approves it or sends it back from the same page, reached from the review queue.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageProfileController(PortalDbContext db) : PortalController
{
    /// <summary>The form with a photo for each of the 15 leaders at most, and its text.</summary>
    public const long MaxRequestBytes = UnitProfile.MaxLeaders * LeaderPhotoImage.MaxBytes + 1024 * 1024;

    private static string Page(string name) => $"~/Features/UnitProfiles/Views/Manage/{name}.cshtml";

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/profile")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var name = await db.Departments.Where(d => d.Id == Department).Select(d => d.Name).SingleAsync(ct);
        var history = await ProfileQueries.HistoryAsync(db, Department, ct);
        var open = history.FirstOrDefault(h => h.State is ProfileState.Draft or ProfileState.Submitted);
        return View(Page("Index"), new ManageProfileModel(name, await ProfileQueries.PublishedAsync(db, Department, ct), open, history));
    }

    [HttpGet("/manage/profile/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var open = await ProfileQueries.OpenAsync(db, Department, ct);
        if (open is { State: ProfileState.Submitted }) return Refused(open.Id, Refusal.Conflict("机构概况已提交审核，审核完成前不能修改。"));
        ProfileForm form;
        if (open is not null)
        {
            await db.Entry(open).Collection(p => p.Offices).LoadAsync(ct);
            await db.Entry(open).Collection(p => p.Leaders).LoadAsync(ct);
            form = ProfileForm.From(open.ToDraft(), open.Version);
        }
        else
        {
            // A new version starts from the published one (or empty for a unit's first profile).
            var published = await ProfileQueries.PublishedAsync(db, Department, ct);
            form = published is null ? new ProfileForm().WithSlots() : ProfileForm.From(published.ToDraft(), null);
        }
        return await FormView(form, open?.ReturnReason, ct);
    }

    [HttpPost("/manage/profile/edit")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Save(ProfileForm form, [FromServices] SaveProfileHandler handler, [FromServices] IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        // Each new photo is checked before anything is saved; a refused one is named beside its file input.
        var (photos, problems) = await SaveProfileHandler.CheckPhotosAsync(form, ct);
        foreach (var problem in problems)
            ModelState.AddModelError($"{nameof(ProfileForm.Leaders)}[{problem.Row}].{nameof(LeaderRow.Photo)}", localizer[problem.Message, problem.Args]);
        if (!ModelState.IsValid) return await FormView(form.Compacted(), null, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.HandleAsync(form, photos, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView(form.Compacted(), null, ct, refusal.Status);
        }
        Flash("机构概况草稿已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpGet("/manage/profiles/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var p = await ProfileQueries.StaffVisibleAsync(db, User, id, ct);
        if (p is null) return NotFoundPage("没有找到该机构概况。");
        var name = await db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        return View(Page("Show"), new ProfileVersionModel(p, name, User.EditsFor(p.DepartmentId), User.IsInRole(Roles.Reviewer)));
    }

    [HttpPost("/manage/profiles/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = DecideProfileHandler.Fields.Version)] int version, [FromServices] SubmitProfileHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核。政务公开办审核通过后，机构概况将在网站上更新。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/profiles/{id:int}/approve")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecideProfileHandler.Fields.Version)] int version, [FromServices] DecideProfileHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ApproveAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("审核通过，机构概况已在网站上发布。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/profiles/{id:int}/return")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecideProfileHandler.Fields.Version)] int version,
        [FromForm(Name = DecideProfileHandler.Fields.Reason)] string? reason, [FromServices] DecideProfileHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ReturnAsync(id, version, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已退回单位修改。");
        return RedirectToAction(nameof(Show), new { id });
    }

    private async Task<IActionResult> FormView(ProfileForm form, string? returnReason, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        var name = await db.Departments.Where(d => d.Id == Department).Select(d => d.Name).SingleAsync(ct);
        var ids = form.Leaders.Where(l => l.PhotoId is not null).Select(l => l.PhotoId!.Value).Distinct().ToList();
        var photos = await db.LeaderPhotos.AsNoTracking().Where(p => ids.Contains(p.Id) && p.DepartmentId == Department)
            .ToDictionaryAsync(p => p.Id, p => new PhotoLink(p.Id, p.Sha256), ct);
        return View(Page("Edit"), new ProfileEditModel(form, name, returnReason, photos));
    }

    private IActionResult Refused(int id, Refusal refusal)
    {
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        Response.StatusCode = refusal.Status;
        return View("Problem", new ProblemModel(refusal.Status, refusal.Status == 400 ? "请求有误" : "操作未能完成", refusal.Message, refusal.Args)
        {
            BackLink = Url.Action(nameof(Show), new { id }),
        });
    }
}
