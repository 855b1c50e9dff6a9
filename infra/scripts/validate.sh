#!/usr/bin/env bash
# Compiles and lints the Bicep offline. The Bicep CLI comes from its NuGet package
# (Azure.Bicep.CommandLine.linux-x64), so only a NuGet feed is needed, not the Azure CLI.
set -euo pipefail

infra_dir="$(cd "$(dirname "$0")/.." && pwd)"
bicep_version="${BICEP_VERSION:-0.47.16}"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"

if [[ ! -x "$bicep" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cat > "$work/bicep-cli.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$bicep_version]" />
  </ItemGroup>
</Project>
PROJECT
  dotnet restore "$work/bicep-cli.csproj" --verbosity quiet
  chmod +x "$bicep"
fi

"$bicep" --version
# Any linter finding (warnings included) fails the check.
findings=0
for file in "$infra_dir"/main.bicep "$infra_dir"/app/*.bicep; do
  output="$("$bicep" lint "$file" 2>&1)" || findings=1
  if [[ -n "$output" ]]; then
    echo "$output" >&2
    findings=1
  fi
done
"$bicep" build "$infra_dir/main.bicep" --stdout > /dev/null || findings=1
if (( findings )); then
  echo "Bicep has findings." >&2
  exit 1
fi
echo "Bicep compiled and linted without findings."
