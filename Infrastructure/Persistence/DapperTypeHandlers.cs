using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Rectify.Infrastructure.Persistence;

/// <summary>
/// SQLite has no uniqueidentifier, date or datetimeoffset types: there Guids, dates and instants are TEXT in
/// one fixed format, so equality and ordering work on the text. SQL Server gets its native types.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
        SqlMapper.RemoveTypeMap(typeof(decimal));
        SqlMapper.RemoveTypeMap(typeof(decimal?));
        SqlMapper.AddTypeHandler(new DecimalHandler());
    }

    /// <summary>The text form of an instant in SQLite: UTC, fixed width, so text order is time order.</summary>
    public static string InstantText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string DateText(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// SQLite's NUMERIC affinity keeps 5 as INTEGER and 15.6 as REAL, so one column reads as Int64 on one row and
    /// Double on the next; Dapper's reader, built from the first row, would fail on the other kind.
    /// </summary>
    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }

        public override decimal Parse(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes TEXT to SQLite and the native type to SQL Server; reads either.</summary>
    private abstract class DialectHandler<T>(DbType nativeType) : SqlMapper.TypeHandler<T>
    {
        public override void SetValue(IDbDataParameter parameter, T? value)
        {
            var sqlite = parameter is SqliteParameter;
            parameter.DbType = sqlite ? DbType.String : nativeType;
            parameter.Value = sqlite ? ToText(value!) : ToNative(value!);
        }

        protected abstract string ToText(T value);

        protected abstract object ToNative(T value);

        protected static DataException Unreadable(object value) =>
            new($"Cannot read a {typeof(T).Name} from {value.GetType().Name}.");
    }

    private sealed class GuidHandler() : DialectHandler<Guid>(DbType.Guid)
    {
        protected override string ToText(Guid value) => value.ToString("D");

        protected override object ToNative(Guid value) => value;

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            _ => throw Unreadable(value),
        };
    }

    private sealed class InstantHandler() : DialectHandler<DateTimeOffset>(DbType.DateTimeOffset)
    {
        protected override string ToText(DateTimeOffset value) => InstantText(value);

        protected override object ToNative(DateTimeOffset value) => value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw Unreadable(value),
        };
    }

    private sealed class DateHandler() : DialectHandler<DateOnly>(DbType.Date)
    {
        protected override string ToText(DateOnly value) => DateText(value);

        protected override object ToNative(DateOnly value) => value.ToDateTime(TimeOnly.MinValue);

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw Unreadable(value),
        };
    }
}
