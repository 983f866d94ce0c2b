<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: gfmis-softtoken-result.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenResultTitle")}
    <#elseif section = "form">
        <form id="gfmis-softtoken-result-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="gfmis-softtoken-result" data-reason="${gfmisReason}">
            <#switch gfmisReason>
                <#case "denied">${msg("gfmisSoftTokenDenied")}<#break>
                <#case "wrong_number">${msg("gfmisSoftTokenWrongNumber")}<#break>
                <#case "expired">${msg("gfmisSoftTokenExpired")}<#break>
                <#case "replaced">${msg("gfmisSoftTokenReplaced")}<#break>
                <#case "locked">${msg("gfmisSoftTokenLocked", gfmisMinutes?c)}<#break>
                <#case "throttled">${msg("gfmisSoftTokenThrottled", gfmisMinutes?c)}<#break>
                <#default>${msg("gfmisSoftTokenExpired")}
            </#switch>
            </p>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-softtoken-retry" name="action" label="gfmisSoftTokenTryAgain" value="retry"/>
            </@buttons.actionGroup>
            <p><a id="gfmis-softtoken-restart" href="${url.loginRestartFlowUrl}">${msg("gfmisSoftTokenRestart")}</a></p>
        </form>
    </#if>
</@layout.registrationLayout>
