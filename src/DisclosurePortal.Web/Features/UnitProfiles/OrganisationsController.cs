using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>
/// The county-wide 机构概况 column (条例 Art. 20(二)): every active unit with its 职能 in brief, its leaders and its
/// phone, each linking to the unit's page where the whole profile is shown.
/// </summary>
public sealed class OrganisationsController(PortalDbContext db) : PortalController
{
    [HttpGet("/organisations")]
    [PublicPage(PublicPage.Organisations)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("~/Features/UnitProfiles/Views/Organisations.cshtml", await ProfileQueries.OrganisationsAsync(db, ct));
}
