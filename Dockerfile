# Build and test with the SDK, the same commands CI runs; run on the slim ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet restore Rectify.sln
RUN dotnet publish Api/Rectify.Api.csproj --configuration Release --no-restore --output /app

# `docker build --target test .` runs the test suite exactly as CI does.
FROM build AS test
RUN ./test.sh

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The embedded SQLite default keeps its file on the /data volume.
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=Sqlite \
    Database__SqlitePath=/data/rectify.db
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "Rectify.Api.dll", "--health-check", "http://localhost:8080/health/ready"]
ENTRYPOINT ["dotnet", "Rectify.Api.dll"]
