@echo off
rem aws-sso launcher for Windows: finds a Java 17+ runtime (JAVA_HOME, else java on the PATH) and
rem runs the CLI on the module path lib\. Class-data sharing is left to the JDK's default archive.
setlocal
set "AWS_SSO_HOME=%~dp0.."
if defined JAVA_HOME (
    set "AWS_SSO_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "AWS_SSO_JAVA=java"
)
"%AWS_SSO_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto "-Dawssso.launcher=%~f0" %AWS_SSO_JAVA_OPTS% -p "%AWS_SSO_HOME%\lib" -m io.awssso.cli/io.awssso.cli.Main %*
exit /b %ERRORLEVEL%
