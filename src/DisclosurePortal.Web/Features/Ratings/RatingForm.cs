using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>What a visitor posts from a 评议 form: the grade and an optional comment. Nullable so nothing typed is lost.</summary>
public sealed class RatingForm
{
    [ValidatorExplains]
    public RatingGrade? Grade { get; set; }

    [MultiLine]
    public string? Comment { get; set; }

    /// <summary>The honeypot, as on /apply and /messages/write: hidden from people, so only a bot fills it.</summary>
    [FromForm(Name = HoneypotField)]
    public string? Website { get; set; }

    public const string HoneypotField = "website";
}

public sealed class RatingFormValidator : AbstractValidator<RatingForm>
{
    public RatingFormValidator()
    {
        RuleFor(x => x.Grade).NotNull().WithMessage("请选择满意、基本满意或不满意。").IsInEnum().WithMessage("请选择满意、基本满意或不满意。");
        RuleFor(x => x.Comment).MaximumLength(Rating.MaxCommentLength).WithMessage("意见不能超过500字。");
    }
}

/// <summary>Where a 评议 form posts: the action of <see cref="RatingsController"/> and its route values.</summary>
/// <param name="Antiforgery">False on the cached record page (see <see cref="RatingsController.RateRecord"/>).</param>
public sealed record RatingFormTarget(string Action, IDictionary<string, string> Route, bool Antiforgery);

/// <summary>A rating already given, as its giver sees it on the tracking page.</summary>
public sealed record GivenRating(RatingGrade Grade, string? Comment, CommentState CommentState, DateTimeOffset RatedAt, bool MayChange);

/// <summary>The page a refused or invalid rating is redrawn on: what was rated, the form with what was typed, and the way back.</summary>
public sealed record RatePageModel(RatingTargetKind Kind, string Title, string BackUrl, RatingFormTarget Target);

/// <summary>The 评议 section of a page: the rating already given (tracking pages), the form and its target.</summary>
/// <param name="Thanked">After the redirect back to a record's page (?rated=1): the thank-you, identical for everyone.</param>
public sealed record RatingPanel(GivenRating? Given, RatingFormTarget Target, bool Thanked)
{
    public RatingForm Form { get; init; } = new();
}
