using DisclosurePortal.Domain.Participation;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Participation;

public sealed class MessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly MessageDeadlines Deadlines = MessageDeadlines.Default;

    private static MessageDetails Details(bool consent = true) => new()
    {
        Kind = MessageKind.Suggestion,
        Subject = "建议增设公交站点",
        Body = "青川中学门口没有公交站，学生上下学不便，建议增设站点。",
        ProtectedName = "enc:name",
        ProtectedPhone = "enc:phone",
        PublicationConsent = consent,
    };

    private static Message Written(params string[] words) =>
        Message.Write(Details(), "ABCDEFGHJKMN", Now, D("2026-09-30"), words, Deadlines, China2025To2026);

    [Fact]
    public void Write_WithoutSensitiveWords_IsSubmitted_AndDueForAcceptanceAfterNationalDay()
    {
        var m = Written();
        Assert.Equal(MessageState.Submitted, m.State);
        Assert.Equal(D("2026-10-09"), m.AcceptDueOn); // 1–7 Oct off: 8, 9 Oct
        Assert.Equal(MessageEventKind.Submitted, Assert.Single(m.Events).Kind);
    }

    [Fact]
    public void Write_WithASensitiveWord_IsHeld_NotRefused()
    {
        var m = Written("赌博");
        Assert.Equal(MessageState.HeldForModeration, m.State);
        Assert.Equal("赌博", m.HeldFor);
        Assert.Throws<DomainException>(() => m.Accept("公开办", 3, Now, D("2026-09-30"), Deadlines, China2025To2026, "交通运输局"));
        m.Release("公开办", Now);
        Assert.Equal(MessageState.Submitted, m.State);
    }

    [Fact]
    public void Write_WithoutPhoneOrEmail_IsRefused() =>
        Assert.Throws<DomainException>(() => Message.Write(Details() with { ProtectedPhone = null }, "ABCDEFGHJKMN", Now, D("2026-09-30"), [], Deadlines, China2025To2026));

    [Fact]
    public void FullJourney_AcceptDraftReturnRedraftApprovePublish()
    {
        var m = Written();
        m.Accept("公开办", 3, Now, D("2026-09-30"), Deadlines, China2025To2026, "交通运输局");
        Assert.Equal(D("2026-10-13"), m.ReplyDueOn);
        Assert.Throws<DomainException>(() => m.DraftReply("教育局编辑", 4, "答复", Now)); // not their message
        m.DraftReply("交通局编辑", 3, "已列入明年规划。", Now);
        m.ReturnReply("公开办", "请写明时间。", Now);
        Assert.Equal(MessageState.Accepted, m.State);
        m.DraftReply("交通局编辑", 3, "已列入2027年规划，预计3月建成。", Now);
        m.ApproveReply("公开办", Now, D("2026-10-12"));
        Assert.Equal(MessageState.Answered, m.State);
        Assert.Equal(D("2026-10-12"), m.AnsweredOn);
        m.SetPublished(true, "公开办", Now);
        Assert.True(m.Published);
        Assert.Equal(
            [MessageEventKind.Submitted, MessageEventKind.Accepted, MessageEventKind.ReplyDrafted, MessageEventKind.ReplyReturned,
             MessageEventKind.ReplyDrafted, MessageEventKind.Answered, MessageEventKind.Published],
            m.Events.Select(e => e.Kind));
    }

    [Fact]
    public void SetPublished_WithoutConsent_IsRefused()
    {
        var m = Message.Write(Details(consent: false), "ABCDEFGHJKMN", Now, D("2026-09-30"), [], Deadlines, China2025To2026);
        m.Accept("公开办", 3, Now, D("2026-09-30"), Deadlines, China2025To2026, "交通运输局");
        m.DraftReply("编辑", 3, "答复", Now);
        m.ApproveReply("公开办", Now, D("2026-10-12"));
        Assert.Throws<DomainException>(() => m.SetPublished(true, "公开办", Now));
    }

    [Fact]
    public void Extend_Once_UpToTheMaximum_WithAReason()
    {
        var m = Written();
        m.Accept("公开办", 3, Now, D("2026-09-30"), Deadlines, China2025To2026, "交通运输局");
        Assert.Throws<DomainException>(() => m.Extend("公开办", 11, "需要现场勘察", Now, Deadlines, China2025To2026));
        m.Extend("公开办", 10, "需要现场勘察", Now, Deadlines, China2025To2026);
        Assert.Equal(D("2026-10-27"), m.ReplyDueOn);
        Assert.Throws<DomainException>(() => m.Extend("公开办", 1, "再延", Now, Deadlines, China2025To2026));
    }

    [Fact]
    public void Decline_AsDisclosureApplication_ClosesWithTheReason()
    {
        var m = Written();
        m.Decline("公开办", DeclineReason.DisclosureApplication, null, Now, D("2026-09-30"));
        Assert.Equal(MessageState.Declined, m.State);
        Assert.Equal(D("2026-09-30"), m.ClosedOn);
        Assert.Throws<DomainException>(() => Written().Decline("公开办", DeclineReason.Other, " ", Now, D("2026-09-30")));
    }

    [Fact]
    public void IsOverdue_DerivedFromTheDateThatMattersNow()
    {
        var m = Written();
        Assert.False(m.IsOverdue(D("2026-10-09")));
        Assert.True(m.IsOverdue(D("2026-10-10")));
        m.Accept("公开办", 3, Now, D("2026-10-10"), Deadlines, China2025To2026, "交通运输局");
        Assert.False(m.IsOverdue(D("2026-10-10")));
    }

    [Fact]
    public void RemoveContactData_OnlyWhenClosed_AndAfterRetention()
    {
        var m = Written();
        Assert.Throws<DomainException>(() => m.RemoveContactData("系统", Now));
        m.Decline("公开办", DeclineReason.Duplicate, null, Now, D("2026-09-30"));
        Assert.False(m.ContactDataExpired(D("2028-09-30"), 24));
        Assert.True(m.ContactDataExpired(D("2028-10-01"), 24));
        m.RemoveContactData("系统", Now);
        Assert.Equal("", m.ContactName);
        Assert.Null(m.ContactPhone);
        Assert.False(m.ContactDataExpired(D("2030-01-01"), 24));
    }
}

public sealed class SensitiveWordsTests
{
    [Fact]
    public void Find_IgnoresCaseSpacesAndPunctuationBetweenCharacters()
    {
        var words = new SensitiveWords(["赌博", "Fraud", " "]);
        Assert.Equal(["赌博", "Fraud"], words.Find("这里有人 赌 · 博", "a F-R-A-U-D case"));
        Assert.Empty(words.Find("正常留言", null));
    }

    [Fact]
    public void SensitiveWord_WithoutLettersOrTooLong_IsRefused()
    {
        Assert.Throws<DomainException>(() => new SensitiveWord("！！", DateTimeOffset.UnixEpoch, "管理员"));
        Assert.Throws<DomainException>(() => new SensitiveWord(new string('字', 51), DateTimeOffset.UnixEpoch, "管理员"));
    }
}
