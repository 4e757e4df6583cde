namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// One question and its answer of a 政策问答 interpretation, kept per version (a new version can change them) in the
/// editor's order (<see cref="Position"/> from 1).
/// </summary>
public sealed class InterpretationQuestion
{
    public InterpretationQuestion(int recordVersionId, int position, string question, string answer)
    {
        if (position is < 1 or > PolicyInterpretations.MaxQuestions)
            throw new DomainException($"政策问答最多{PolicyInterpretations.MaxQuestions}组。");
        var q = Guard.Optional(question) ?? throw new DomainException($"第{position}组问答缺少问题。");
        var a = Guard.Optional(answer) ?? throw new DomainException($"第{position}组问答缺少回答。");
        if (q.Length > PolicyInterpretations.MaxQuestionLength)
            throw new DomainException($"第{position}组问答的问题不能超过{PolicyInterpretations.MaxQuestionLength}个字。");
        if (a.Length > PolicyInterpretations.MaxAnswerLength)
            throw new DomainException($"第{position}组问答的回答不能超过{PolicyInterpretations.MaxAnswerLength}个字。");
        RecordVersionId = recordVersionId;
        Position = position;
        Question = q;
        Answer = a;
    }

    public int Id { get; private set; }
    public int RecordVersionId { get; private set; }
    public int Position { get; private set; }
    public string Question { get; private set; }
    public string Answer { get; private set; }

    /// <summary>The same question and answer on another version (a new draft starts from the published one's).</summary>
    public InterpretationQuestion CopyTo(int recordVersionId) => new(recordVersionId, Position, Question, Answer);
}
