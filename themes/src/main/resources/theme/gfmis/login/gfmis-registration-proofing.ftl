<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: gfmis-registration-proofing.ftl -->
    <#if section = "header">
        ${msg("gfmisProofingTitle")}
    <#elseif section = "form">
        <p id="gfmis-proofing-instruction">${msg("gfmisProofingInstruction")}</p>
        <form id="gfmis-proofing-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              onsubmit="var b = this.querySelector('#gfmis-proofing-start'); setTimeout(function () { b.disabled = true; }); return true;">
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-proofing-start" name="action" label="gfmisProofingStart" value="start"/>
                <@buttons.buttonLink href=url.loginRestartFlowUrl label="gfmisProofingStartOver"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisProofingInfo")}</span>
    </#if>
</@layout.registrationLayout>
