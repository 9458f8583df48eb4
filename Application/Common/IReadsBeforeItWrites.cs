namespace Rectify.Application.Common;

/// <summary>
/// A command whose long reads run before any transaction: the transaction behaviour lets it through, and it sends a
/// command of its own for the short write. On SQLite a transaction holds the file's one write lock, so a report built
/// inside one would stop every other writer for as long as the report takes.
/// </summary>
public interface IReadsBeforeItWrites;
