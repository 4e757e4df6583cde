using DisclosurePortal.Domain.Ratings;

namespace DisclosurePortal.Domain.Tests.Ratings;

/// <summary>评议 (issue 21 §5): who may rate what, once or per day, the comment's moderation and the 满意率.</summary>
public class RatingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 6);
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Record_RatedWithoutComment_CountsForItsDepartment_AndHasNoComment()
    {
        var r = Rating.OfRecord(7, 3, false, RatingGrade.Satisfied, "  ", [], Hash, Now, Today);
        Assert.Equal((RatingTargetKind.Record, 7, 3), (r.TargetKind, r.TargetId, r.UnitId));
        Assert.Equal(CommentState.None, r.CommentState);
        Assert.Null(r.Comment);
        Assert.Equal(Today, r.RatedOn);
    }

    [Fact]
    public void Record_SecondRatingFromTheSameAddressTheSameDay_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Rating.OfRecord(7, 3, true, RatingGrade.Dissatisfied, null, [], Hash, Now, Today));
        Assert.Equal(Rating.AlreadyRatedToday, e.Message);
    }

    [Fact]
    public void Record_WithoutAddressHash_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Rating.OfRecord(7, 3, false, RatingGrade.Satisfied, null, [], "", Now, Today));
    }

    [Fact]
    public void Comment_WithoutSensitiveWords_IsShownToTheUnit_WithOne_IsHeld()
    {
        var shown = Rating.OfRecord(7, 3, false, RatingGrade.FairlySatisfied, "附件打不开", [], Hash, Now, Today);
        Assert.Equal(CommentState.Shown, shown.CommentState);
        var held = Rating.OfRecord(7, 3, false, RatingGrade.Dissatisfied, "敏感内容", ["敏感"], Hash, Now, Today);
        Assert.Equal(CommentState.Held, held.CommentState);
        Assert.Equal("敏感", held.HeldFor);
        Assert.Equal(RatingGrade.Dissatisfied, held.Grade); // the grade counts whatever becomes of the comment
    }

    [Fact]
    public void Comment_LongerThan500_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Rating.OfRecord(7, 3, false, RatingGrade.Satisfied, new string('字', 501), [], Hash, Now, Today));
        Assert.Equal("意见不能超过500字。", e.Message);
        Assert.Equal(500, Rating.OfRecord(7, 3, false, RatingGrade.Satisfied, new string('字', 500), [], Hash, Now, Today).Comment!.Length);
    }

    [Fact]
    public void Grade_OutsideTheThree_IsRefused()
    {
        Assert.Throws<DomainException>(() => Rating.OfRecord(7, 3, false, (RatingGrade)9, null, [], Hash, Now, Today));
    }

    [Fact]
    public void Case_BeforeItsReply_CannotBeRated()
    {
        var e = Assert.Throws<DomainException>(() => Rating.OfCase(5, 2, answered: false, alreadyRated: false, RatingGrade.Satisfied, null, [], Now, Today));
        Assert.Equal("申请答复后才能评议。", e.Message);
    }

    [Fact]
    public void Case_IsRatedOnce_AndNeverChanged()
    {
        var r = Rating.OfCase(5, null, answered: true, alreadyRated: false, RatingGrade.Satisfied, null, [], Now, Today);
        Assert.Null(r.UnitId); // answered by the office itself
        Assert.Null(r.AddressHash);
        Assert.Throws<DomainException>(() => Rating.OfCase(5, null, answered: true, alreadyRated: true, RatingGrade.Dissatisfied, null, [], Now, Today));
        Assert.False(r.MayChange(Now));
        Assert.Throws<DomainException>(() => r.Change(RatingGrade.Dissatisfied, null, [], Now));
    }

    [Fact]
    public void Message_BeforeItsAnswer_CannotBeRated()
    {
        Assert.Throws<DomainException>(() => Rating.OfMessage(4, 2, answered: false, RatingGrade.Satisfied, null, [], Now, Today));
    }

    [Fact]
    public void Message_RatingChangesWithinSevenDays_NotAfter()
    {
        var r = Rating.OfMessage(4, 2, answered: true, RatingGrade.Dissatisfied, "答复没有回答问题", [], Now, Today);
        r.Change(RatingGrade.FairlySatisfied, "补充答复后基本解决", [], Now.AddDays(7));
        Assert.Equal(RatingGrade.FairlySatisfied, r.Grade);
        Assert.Equal(Now.AddDays(7), r.ChangedAt);
        var e = Assert.Throws<DomainException>(() => r.Change(RatingGrade.Satisfied, null, [], Now.AddDays(7).AddMinutes(1)));
        Assert.Equal("评议后7天内可以修改，现已超过期限。", e.Message);
    }

    [Fact]
    public void Message_ChangedComment_IsModeratedAfresh()
    {
        var r = Rating.OfMessage(4, 2, answered: true, RatingGrade.Dissatisfied, "第一次意见", [], Now, Today);
        r.Hide("审核员", "与本事项无关", Now.AddHours(1));
        r.Change(RatingGrade.Dissatisfied, "含敏感词的意见", ["敏感词"], Now.AddHours(2));
        Assert.Equal(CommentState.Held, r.CommentState);
        Assert.Null(r.HiddenReason);
        Assert.Null(r.ModeratedBy);
    }

    [Fact]
    public void Moderation_ShowsAHeldComment_HidesWithAReason()
    {
        var r = Rating.OfRecord(7, 3, false, RatingGrade.Dissatisfied, "敏感内容", ["敏感"], Hash, Now, Today);
        Assert.Equal("请填写隐藏原因。", Assert.Throws<DomainException>(() => r.Hide("审核员", " ", Now)).Message);
        r.Show("审核员", Now);
        Assert.Equal((CommentState.Shown, "审核员"), (r.CommentState, r.ModeratedBy));
        Assert.Throws<DomainException>(() => r.Show("审核员", Now));
        r.Hide("审核员", "含个人信息", Now);
        Assert.Equal((CommentState.Hidden, "含个人信息"), (r.CommentState, r.HiddenReason));
        Assert.Throws<DomainException>(() => r.Hide("审核员", "再次", Now));
    }

    [Fact]
    public void Moderation_OfARatingWithoutComment_IsRefused()
    {
        var r = Rating.OfRecord(7, 3, false, RatingGrade.Satisfied, null, [], Hash, Now, Today);
        Assert.Throws<DomainException>(() => r.Show("审核员", Now));
        Assert.Throws<DomainException>(() => r.Hide("审核员", "原因", Now));
    }

    [Fact]
    public void SatisfactionRate_CountsSatisfiedAndFairlySatisfied_NoneWhenNobodyRated()
    {
        Assert.Null(RatingCounts.Zero.SatisfactionRate);
        var counts = RatingCounts.Zero.Add(RatingGrade.Satisfied).Add(RatingGrade.Satisfied).Add(RatingGrade.FairlySatisfied);
        Assert.Equal(100m, counts.SatisfactionRate);
        counts = counts.Add(RatingGrade.Dissatisfied).Add(RatingGrade.Dissatisfied).Add(RatingGrade.Dissatisfied);
        Assert.Equal((2, 1, 3, 6), (counts.Satisfied, counts.FairlySatisfied, counts.Dissatisfied, counts.Total));
        Assert.Equal(50m, counts.SatisfactionRate);
        Assert.Equal(66.7m, new RatingCounts(1, 1, 1).SatisfactionRate);
    }
}
