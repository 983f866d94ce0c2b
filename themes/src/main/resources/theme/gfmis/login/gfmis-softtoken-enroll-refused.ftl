<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: gfmis-softtoken-enroll-refused.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenEnrollRefusedTitle")}
    <#elseif section = "form">
        <form id="gfmis-softtoken-enroll-refused-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div id="gfmis-softtoken-enroll-refused" role="alert">
                <p>${msg("gfmisSoftTokenEnrollRefused")}</p>
                <#if gfmisHasDevice>
                <p id="gfmis-softtoken-enroll-refused-approve">${msg("gfmisSoftTokenEnrollRefusedApprove")}</p>
                </#if>
                <#if gfmisFirstDevice!false>
                <p id="gfmis-softtoken-enroll-refused-first">${msg("gfmisSoftTokenEnrollRefusedFirst")}</p>
                <#else>
                <p id="gfmis-softtoken-enroll-refused-lost">${msg("gfmisSoftTokenEnrollRefusedLost")}</p>
                </#if>
            </div>
            <#if gfmisCancellable>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-softtoken-enroll-cancel" name="action" label="gfmisSoftTokenEnrollRefusedBack" value="cancel" type="secondary"/>
            </@buttons.actionGroup>
            <#else>
            <p><a id="gfmis-softtoken-restart" href="${url.loginRestartFlowUrl}">${msg("gfmisSoftTokenRestart")}</a></p>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
