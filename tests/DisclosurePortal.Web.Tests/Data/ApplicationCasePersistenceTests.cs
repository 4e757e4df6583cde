using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>A case's event log is saved with it and read back, so the deadline rebuilt from the events survives a reload.</summary>
public abstract class ApplicationCasePersistenceTests(PortalFactory factory)
{
    [Fact]
    public async Task CaseAndItsEvents_RoundTrip_AndTheDeadlineContinuesFromTheStoredFacts()
    {
        _ = factory.Server;
        var code = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var at = new DateTimeOffset(2026, 2, 12, 2, 0, 0, TimeSpan.Zero);
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var c = ApplicationCase.Submit(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "李四", Contact = "13900000000",
                InformationDescription = "某项目环评批复文件", Channel = ApplicationChannel.Online,
            }, code, new DateTimeOffset(2026, 2, 5, 2, 0, 0, TimeSpan.Zero));
            c.ConfirmReceipt(new DateOnly(2026, 2, 6), "王审核", at, calendar, new DateOnly(2026, 2, 6));
            c.SendConsultation(new DateOnly(2026, 2, 12), "市生态环境局", "王审核", at, calendar, new DateOnly(2026, 2, 12));
            db.ApplicationCases.Add(c);
            await db.SaveChangesAsync();
        }

        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var c = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.QueryCode == code);
            Assert.Equal(3, c.Events.Count);
            Assert.Equal([CaseAction.ReceiveConsultation, CaseAction.Extend, CaseAction.Assign], c.AllowedActions());
            c.ReceiveConsultation(new DateOnly(2026, 3, 3), null, "王审核", at, calendar, new DateOnly(2026, 3, 3));
            await db.SaveChangesAsync();
        }

        await using (var db = factory.NewDbContext())
        {
            var c = await db.ApplicationCases.Include(x => x.Events).SingleAsync(x => x.QueryCode == code);
            Assert.Equal(new DateOnly(2026, 3, 25), c.DueOn); // 20 working days from 6 Feb (12 Mar) + 9 paused
            Assert.Equal([1, 2, 6, 7], c.Events.OrderBy(e => e.Id).Select(e => (int)e.Kind));
            Assert.All(c.Events, e => Assert.Equal(c.Id, e.CaseId));
        }
    }
}

public sealed class ApplicationCasePersistenceOnSqlite(EmptySqlitePortal factory) : ApplicationCasePersistenceTests(factory), IClassFixture<EmptySqlitePortal>;

public sealed class ApplicationCasePersistenceOnPostgres(EmptyPostgresPortal factory) : ApplicationCasePersistenceTests(factory), IClassFixture<EmptyPostgresPortal>;
