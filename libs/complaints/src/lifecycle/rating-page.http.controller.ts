import { BadRequestException, Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@civicflow/auth';
import { isTrackingCode } from '../domain/tracking-code';

/**
 * The page the satisfaction survey links to: a mail cannot POST, so the link opens this
 * form, which sends the rating to POST /api/v1/complaints/{code}/rating. Bilingual, no
 * external assets, nothing about the complaint on it but its code.
 */
@ApiExcludeController()
@Controller('complaints')
export class RatingPageHttpController {
  @Get(':trackingCode/rate')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'")
  page(@Param('trackingCode') trackingCode: string): string {
    const code = trackingCode.toUpperCase();
    if (!isTrackingCode(code)) throw new BadRequestException({ code: 'invalid_tracking_code', message: 'trackingCode must look like CF-7K3M-Q9TX' });
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>评价 Rate ${code}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.6rem 0}button{padding:.5rem 1.2rem}</style></head>
<body><h1>${code}</h1>
<p>请对办理结果评价 · Please rate the answer to your complaint</p>
<form id="rating">
<label>满意度 Satisfaction (1–5) <select name="score" required><option>5</option><option>4</option><option>3</option><option>2</option><option>1</option></select></label>
<label><input type="checkbox" name="unresolved"> 问题未解决，请重新办理 · Not resolved: reopen it</label>
<label>意见 Comment<br><textarea name="comment" rows="4" cols="40" maxlength="2000"></textarea></label>
<button type="submit">提交 Submit</button></form><p id="result" role="status"></p>
<script>
document.getElementById('rating').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { score: Number(form.get('score')), resolved: !form.get('unresolved') };
  if (form.get('comment')) body.comment = String(form.get('comment'));
  const response = await fetch('/api/v1/complaints/${code}/rating', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  document.getElementById('result').textContent = response.ok ? '谢谢！Thank you.' : '未能提交 Could not submit: ' + (await response.json()).message;
});
</script></body></html>`;
  }
}
