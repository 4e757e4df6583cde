using System.Text;
using DisclosurePortal.Domain.Auditing;

namespace DisclosurePortal.Domain.Tests.Auditing;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    private static AuditEvent Event(int n, string? summary = null) =>
        new(Start.AddMinutes(n), "王编辑", "record.submit", "Record", n.ToString(System.Globalization.CultureInfo.InvariantCulture), summary ?? $"第{n}条", "user-1");

    /// <summary>Events 1..count, chained as the interceptor chains them.</summary>
    private static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>();
        string? previous = null;
        for (var n = 1; n <= count; n++)
        {
            var e = Event(n);
            e.Chain(n, previous);
            previous = e.Hash;
            events.Add(e);
        }
        return events;
    }

    private static (AuditChainBreak? Break, long Count) Verify(IEnumerable<AuditEvent> events, long headSequence, string? headHash)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in events)
            if (verifier.Next(e) is { } found) return (found, verifier.Count);
        return (verifier.Finish(headSequence, headHash), verifier.Count);
    }

    [Fact]
    public void Canonical_IsLengthPrefixedUtf8_WithNullsMarked()
    {
        var e = new AuditEvent(Start, "王编辑", "record.submit", "Record", "7", null);
        e.Chain(1, null);

        var text = Encoding.UTF8.GetString(AuditChain.Canonical(e));

        Assert.Equal($"11:dp-audit-v11:1-18:{Start.UtcTicks}-9:王编辑13:record.submit6:Record1:7-", text);
        Assert.Equal(64, e.Hash!.Length);
        Assert.Equal(AuditChain.HashOf(e), e.Hash);
    }

    [Fact]
    public void Hash_ChangesWhenTextMovesBetweenFields_OrNullBecomesEmpty()
    {
        var a = new AuditEvent(Start, "甲", "act", "Record", "12", "3");
        var b = new AuditEvent(Start, "甲", "act", "Record", "1", "23");
        var withSummary = new AuditEvent(Start, "甲", "act", "Record", "1", "-");
        var withoutSummary = new AuditEvent(Start, "甲", "act", "Record", "1", null);
        foreach (var e in new[] { a, b, withSummary, withoutSummary }) e.Chain(1, null);

        Assert.Equal(4, new[] { a.Hash, b.Hash, withSummary.Hash, withoutSummary.Hash }.Distinct().Count());
    }

    [Fact]
    public void OccurredAt_IsKeptInUtc_ToTheMicrosecond_AsBothDatabasesStoreIt()
    {
        var e = new AuditEvent(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567), "甲", "act", "Record", "1", null);

        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero).AddTicks(1_234_560), e.OccurredAt);
    }

    [Fact]
    public void Chain_RefusesAFirstEventWithAPredecessor_AndALaterOneWithout()
    {
        Assert.Throws<ArgumentException>(() => Event(1).Chain(1, new string('a', 64)));
        Assert.Throws<ArgumentException>(() => Event(2).Chain(2, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Event(0).Chain(0, null));
    }

    [Fact]
    public void IntactChain_Verifies_AndCountsEveryEvent()
    {
        var events = Chain(5);

        var (found, count) = Verify(events, 5, events[^1].Hash);

        Assert.Null(found);
        Assert.Equal(5, count);
    }

    [Fact]
    public void ChangedContent_IsReportedAtThatEvent()
    {
        var events = Chain(5);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Summary))!.SetValue(events[2], "改过的摘要");

        var (found, count) = Verify(events, 5, events[^1].Hash);

        Assert.Equal((AuditChainBreakKind.ContentChanged, 3L), (found!.Kind, found.Sequence));
        Assert.Equal(2, count);
    }

    [Fact]
    public void DeletedEvent_IsReportedAsTheGapBeforeTheNextOne()
    {
        var events = Chain(5);
        events.RemoveAt(2);

        var (found, _) = Verify(events, 5, events[^1].Hash);

        Assert.Equal((AuditChainBreakKind.Missing, 4L, 3L, 3L), (found!.Kind, found.Sequence, found.MissingFrom, found.MissingTo));
    }

    [Fact]
    public void ReplacedEvent_WithItsOwnValidHash_BreaksTheNextOnesLink()
    {
        var events = Chain(5);
        var forged = Event(3, "伪造的事件");
        forged.Chain(3, events[1].Hash);
        events[2] = forged;

        var (found, _) = Verify(events, 5, events[^1].Hash);

        Assert.Equal((AuditChainBreakKind.LinkBroken, 4L), (found!.Kind, found.Sequence));
    }

    [Fact]
    public void SwappedEvents_BreakTheLinkOfTheFirstOneOutOfPlace_NamingTheOneAfterIt()
    {
        var events = Chain(5);
        var sequence = typeof(AuditEvent).GetProperty(nameof(AuditEvent.Sequence))!;
        sequence.SetValue(events[1], 3L);
        sequence.SetValue(events[2], 2L);
        var inChainOrder = events.OrderBy(e => e.Sequence).ToList();

        var (found, _) = Verify(inChainOrder, 5, events[^1].Hash);

        Assert.Equal((AuditChainBreakKind.LinkBroken, 2L), (found!.Kind, found.Sequence));
        Assert.Equal(events[1].Hash, found.ClaimedPreviousHash); // the event that now stands after it
    }

    [Fact]
    public void UnchainedEvent_IsReportedAsUnsealed()
    {
        var events = Chain(2);
        events.Add(Event(3));

        var (found, _) = Verify(events, 3, null);

        Assert.Equal(AuditChainBreakKind.Unsealed, found!.Kind);
    }

    [Fact]
    public void DeletedLastEvents_AreFoundByTheHead()
    {
        var events = Chain(5);

        var (found, _) = Verify(events.Take(3), 5, events[^1].Hash);

        Assert.Equal((AuditChainBreakKind.TailMissing, 3L, 4L, 5L), (found!.Kind, found.Sequence, found.MissingFrom, found.MissingTo));
    }

    [Fact]
    public void HeadThatDoesNotEndTheChain_IsReported()
    {
        var events = Chain(3);

        Assert.Equal(AuditChainBreakKind.HeadMismatch, Verify(events, 3, events[1].Hash).Break!.Kind);
        Assert.Null(Verify([], 0, null).Break);
    }
}
