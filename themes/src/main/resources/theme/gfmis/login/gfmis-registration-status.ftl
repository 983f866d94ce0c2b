<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: gfmis-registration-status.ftl -->
    <#if section = "header">
        ${msg("gfmisRegistrationStatusTitle")}
    <#elseif section = "form">
        <#if gfmisStatus??>
            <p id="gfmis-registration-user">${msg("gfmisUserId")}: <strong>${gfmisUserId}</strong></p>
            <p id="gfmis-registration-status" data-status="${gfmisStatus}">${msg("gfmisRegistrationStatus")}: <strong>${msg("gfmisRegistrationStatus" + gfmisStatus)}</strong></p>
            <p id="gfmis-registration-status-text">${msg("gfmisRegistrationStatusText" + gfmisStatus)}</p>
            <#if gfmisReason??>
                <p id="gfmis-registration-reason">${msg("gfmisRegistrationReason")}: <#if gfmisStatus = "NEW">${msg(gfmisReason)}<#else>${gfmisReason}</#if></p>
            </#if>
            <p id="gfmis-registration-submitted">${msg("gfmisRegistrationSubmittedAt", gfmisSubmittedAt)}</p>
        </#if>
        <form id="gfmis-registration-status-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <#if gfmisStatus?? && (gfmisStatus = "NEW" || gfmisStatus = "REJECT")>
                    <@buttons.button id="gfmis-registration-fix" name="action" label="gfmisRegistrationFix" value="fix"/>
                </#if>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
