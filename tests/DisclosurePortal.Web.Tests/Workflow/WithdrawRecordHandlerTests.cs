using System.Security.Claims;
using DisclosurePortal.Web.Features.Review;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Workflow;

/// <summary>撤回 called as the action calls it: its refusals, and that a refused withdrawal leaves the record public.</summary>
public abstract class WithdrawRecordHandlerTests(PortalFactory factory)
{
    [Fact]
    public async Task Withdraw_WithoutReason_IsRefused_AndTheRecordStaysPublished()
    {
        int recordId;
        await using (var db = factory.NewDbContext())
            recordId = await db.RecordVersions.Where(v => v.IsPublished).OrderBy(v => v.RecordId).Select(v => v.RecordId).FirstAsync();

        var outcome = await WithdrawAsync(recordId, "   ");

        Assert.Equal(400, outcome.Refusal?.Status);
        Assert.Equal("撤回须说明理由（不超过1000字）。", outcome.Refusal?.Message);
        await using var check = factory.NewDbContext();
        Assert.True(await check.RecordVersions.AnyAsync(v => v.RecordId == recordId && v.IsPublished));
    }

    [Fact]
    public async Task Withdraw_OfARecordWithNothingPublished_IsNotFound()
    {
        var outcome = await WithdrawAsync(int.MaxValue, "不再适用");

        Assert.Equal(404, outcome.Refusal?.Status);
        Assert.Equal("该信息没有已发布的版本。", outcome.Refusal?.Message);
    }

    private async Task<Outcome<int>> WithdrawAsync(int recordId, string reason)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<WithdrawRecordHandler>();
        return await handler.HandleAsync(recordId, reason, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }
}

public sealed class WithdrawRecordHandlerOnSqlite(SqlitePortal factory) : WithdrawRecordHandlerTests(factory), IClassFixture<SqlitePortal>;

public sealed class WithdrawRecordHandlerOnPostgres(PostgresPortal factory) : WithdrawRecordHandlerTests(factory), IClassFixture<PostgresPortal>;
